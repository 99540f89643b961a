# The AccountStore (account_store.h): users, sessions, API tokens, audit log and
# the firm data version, on SQLite and PostgreSQL. Included from this folder's
# CMakeLists.txt; owned by the service module.
add_library(guild_account_store
  ${CMAKE_CURRENT_LIST_DIR}/account_store.cc
  ${CMAKE_CURRENT_LIST_DIR}/sqlite/accounts_sqlite.cc
  ${CMAKE_CURRENT_LIST_DIR}/sqlite/accounts_sqlite_db.cc
  ${CMAKE_CURRENT_LIST_DIR}/postgres/accounts_postgres.cc)
target_link_libraries(guild_account_store PUBLIC guild_common guild_domain
                      PRIVATE SQLite::SQLite3 PkgConfig::PQXX)
set_property(GLOBAL APPEND PROPERTY GUILD_CLI_LIBS guild_account_store)

if(GUILD_BUILD_TESTS)
  # The same suite against both backends: the plain registration runs the
  # SQLite instances, the PostgreSQL ones run under scripts/with-postgres.sh.
  add_executable(account_store_test ${CMAKE_CURRENT_LIST_DIR}/account_store_conformance_test.cc)
  target_link_libraries(account_store_test PRIVATE guild_account_store PkgConfig::PQXX
                                                   GTest::gtest GTest::gtest_main)
  gtest_discover_tests(account_store_test DISCOVERY_TIMEOUT 60 TEST_FILTER "-*postgresql*")
  add_test(NAME account_store_postgres
           COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/with-postgres.sh
                   $<TARGET_FILE:account_store_test> --gtest_filter=*postgresql*)
  set_tests_properties(account_store_postgres PROPERTIES TIMEOUT 600)
endif()
