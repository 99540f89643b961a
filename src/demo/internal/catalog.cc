#include "demo/internal/catalog.h"

namespace guild::demo::internal {

namespace {

using sv = std::string_view;

constexpr sv kAuditOnet[] = {"13-2011.00", "13-2031.00", "11-3031.01"};
constexpr sv kAuditEsco[] = {"1ad59946-d13e-441e-9b36-56e1df055e21",
                             "eda0d957-3c3c-4139-b89a-a18bc9e18897"};
constexpr sv kAuditWork[] = {"Statutory audit", "Interim review", "Internal controls review",
                             "IFRS conversion"};
constexpr sv kTaxOnet[] = {"13-2082.00", "13-2011.00"};
constexpr sv kTaxEsco[] = {"59c22779-4d89-4bc9-ba8b-d64bea236723",
                           "b3e459a2-0103-4182-8882-c255d474a7ff"};
constexpr sv kTaxWork[] = {"Corporate tax compliance", "Transfer pricing study", "VAT review",
                           "Tax structuring"};
constexpr sv kAdvisoryOnet[] = {"13-1111.00", "13-1161.00"};
constexpr sv kAdvisoryEsco[] = {"60082a99-d8ef-4e84-9290-78902681b6ed"};
constexpr sv kAdvisoryWork[] = {"Operating model redesign", "Cost transformation",
                                "Growth strategy", "Post-merger integration"};
constexpr sv kDealsOnet[] = {"13-2051.00", "11-3031.00"};
constexpr sv kDealsEsco[] = {"8d586ee9-0ab1-4155-a3b0-2ca786c8e48c",
                             "b7f47c25-bdf3-42fa-a68e-ad32754b2dba"};
constexpr sv kDealsWork[] = {"Financial due diligence", "Valuation", "Carve-out support",
                             "Refinancing advice"};
constexpr sv kRiskOnet[] = {"13-1041.00", "13-2099.04", "15-1212.00"};
constexpr sv kRiskEsco[] = {"b09acdda-6680-49d1-a411-129610ee3bc0",
                            "cdd3d773-75a4-4f35-bd1d-1ac720afcf9d"};
constexpr sv kRiskWork[] = {"Regulatory compliance review", "Fraud investigation",
                            "Cyber risk assessment", "Internal audit co-source"};
constexpr sv kLitigationOnet[] = {"23-1011.00", "23-2011.00"};
constexpr sv kLitigationEsco[] = {"974d4eab-fbee-4c52-b16e-73bdd8c25b53",
                                  "31854d78-3615-43a4-aa3a-c597ecb20ceb"};
constexpr sv kLitigationWork[] = {"Commercial dispute", "Arbitration", "Regulatory investigation",
                                  "Class action defence"};
constexpr sv kCorporateOnet[] = {"23-1011.00", "23-2011.00"};
constexpr sv kCorporateEsco[] = {"fdfce14e-992d-4ff4-9f9d-7a353c75654e",
                                 "974d4eab-fbee-4c52-b16e-73bdd8c25b53"};
constexpr sv kCorporateWork[] = {"Acquisition", "Joint venture", "Capital markets offering",
                                 "Corporate reorganisation"};
constexpr sv kTechOnet[] = {"15-1211.00", "15-1251.00", "15-2051.00"};
constexpr sv kTechEsco[] = {"b1c80369-067e-4041-84c8-dbe65640a5d8",
                            "f2b15a0e-e65a-438a-affb-29b9d50b77d1",
                            "258e46f9-0075-4a2e-adae-1ff0477e0f30"};
constexpr sv kTechWork[] = {"ERP implementation", "Data platform build", "Cloud migration",
                            "Digital strategy"};

constexpr PracticeSpec kPractices[] = {
    {"Audit", Family::kAccounting, 0.22, kAuditOnet, kAuditEsco, kAuditWork},
    {"Tax", Family::kAccounting, 0.16, kTaxOnet, kTaxEsco, kTaxWork},
    {"Advisory", Family::kConsulting, 0.14, kAdvisoryOnet, kAdvisoryEsco, kAdvisoryWork},
    {"Deals", Family::kConsulting, 0.08, kDealsOnet, kDealsEsco, kDealsWork},
    {"Risk & Forensics", Family::kConsulting, 0.08, kRiskOnet, kRiskEsco, kRiskWork, true},
    {"Litigation", Family::kLaw, 0.09, kLitigationOnet, kLitigationEsco, kLitigationWork},
    {"Corporate", Family::kLaw, 0.09, kCorporateOnet, kCorporateEsco, kCorporateWork},
    {"Technology Consulting", Family::kTechnology, 0.14, kTechOnet, kTechEsco, kTechWork, true},
};

constexpr sv kTechnologyOnet[] = {"2.B.3.b", "2.B.3.e", "2.C.3.a", "2.C.3.b"};

//                          billable leadership client-dev admin training
constexpr GradeSpec kGrades[kGradeCount] = {
    {0.06,
     260,
     1,
     0.10,
     12,
     30,
     {0.30, 0.25, 0.20, 0.05, 0.02},
     {"Partner", "Partner", "Partner", "Partner"}},
    {0.10,
     190,
     0,
     0.15,
     8,
     20,
     {0.55, 0.12, 0.12, 0.05, 0.03},
     {"Director", "Counsel", "Director", "Director"}},
    {0.19,
     140,
     0,
     0.20,
     5,
     12,
     {0.70, 0.06, 0.05, 0.05, 0.03},
     {"Manager", "Senior Associate", "Manager", "Engineering Manager"}},
    {0.25,
     95,
     -1,
     0.30,
     2,
     6,
     {0.80, 0.00, 0.02, 0.05, 0.05},
     {"Senior Accountant", "Associate", "Senior Consultant", "Senior Engineer"}},
    {0.40,
     60,
     -2,
     0.40,
     0,
     3,
     {0.80, 0.00, 0.00, 0.05, 0.08},
     {"Associate", "Junior Associate", "Analyst", "Analyst"}},
};

constexpr sv kOffices[] = {"London",    "New York", "Chicago",      "Frankfurt", "Paris",
                           "Singapore", "Sydney",   "Toronto",      "Madrid",    "Amsterdam",
                           "Hong Kong", "Dubai",    "São Paulo",    "Tokyo",     "Mumbai",
                           "Dublin",    "Zurich",   "Johannesburg", "Stockholm", "Warsaw"};

constexpr sv kFirstNames[] = {
    "Ada",     "Amara",  "Ana",    "Anil",   "Aisha",  "Ben",    "Carlos",    "Chen", "Chloe",
    "Daniel",  "David",  "Elena",  "Emma",   "Fatima", "Felix",  "Grace",     "Hana", "Hugo",
    "Ibrahim", "Ines",   "Isabel", "James",  "Jia",    "Jonas",  "Julia",     "Kai",  "Kenji",
    "Laura",   "Leila",  "Liam",   "Lucas",  "Maria",  "Mateo",  "Maya",      "Mei",  "Mohammed",
    "Nadia",   "Noah",   "Nora",   "Olivia", "Omar",   "Priya",  "Rafael",    "Ravi", "Rosa",
    "Sakura",  "Samuel", "Sara",   "Sofia",  "Tariq",  "Thomas", "Valentina", "Wei",  "Yusuf",
    "Zara",    "Zoe",    "Alex",   "Sam",    "Jordan", "Taylor"};

constexpr sv kLastNames[] = {
    "Adeyemi",  "Almeida", "Andersen", "Bauer",  "Becker",   "Brown",   "Chen",     "Costa",
    "Dubois",   "Evans",   "Fischer",  "Garcia", "Gupta",    "Haddad",  "Hansen",   "Ito",
    "Jensen",   "Kaur",    "Khan",     "Kim",    "Kowalski", "Laurent", "Lee",      "Lopez",
    "Martin",   "Meyer",   "Moreau",   "Müller", "Nakamura", "Nguyen",  "Novak",    "O'Brien",
    "Okafor",   "Park",    "Patel",    "Rossi",  "Santos",   "Schmidt", "Silva",    "Singh",
    "Smith",    "Sato",    "Tanaka",   "Taylor", "Wang",     "Weber",   "Williams", "Wilson",
    "Yamamoto", "Zhang"};

constexpr sv kClientPrefixes[] = {
    "Northwind", "Bluewater", "Silverline", "Greenfield", "Ironbridge", "Redwood",
    "Summit",    "Harbor",    "Crescent",   "Atlas",      "Beacon",     "Cobalt",
    "Evergreen", "Falcon",    "Granite",    "Horizon",    "Juniper",    "Keystone",
    "Lakeshore", "Meridian",  "Oakridge",   "Pinnacle",   "Quantum",    "Riverside",
    "Sterling",  "Trident",   "Vanguard",   "Westbrook",  "Apex",       "Boreal"};
constexpr sv kClientNouns[] = {"Energy", "Logistics",  "Capital",   "Health",   "Foods",
                               "Motors", "Telecom",    "Pharma",    "Retail",   "Insurance",
                               "Bank",   "Mining",     "Airlines",  "Systems",  "Chemicals",
                               "Media",  "Properties", "Utilities", "Shipping", "Software"};
constexpr sv kClientSuffixes[] = {"Group", "plc", "Inc.", "AG", "SA", "Holdings", "Ltd", "NV"};
constexpr sv kIndustries[] = {"Financial services", "Energy & utilities", "Healthcare",
                              "Consumer & retail",  "Technology & media", "Industrials",
                              "Public sector",      "Real estate",        "Transport & logistics"};
constexpr sv kPersonTags[] = {"mentor",           "remote",        "part-time",       "bilingual",
                              "secondment-ready", "client-facing", "graduate-intake", "certified"};

}  // namespace

std::span<const PracticeSpec> Practices() { return kPractices; }
std::span<const std::string_view> TechnologyOnetElements() { return kTechnologyOnet; }

bool MayBorrowSkills(int p, int q) {
  const PracticeSpec& to = kPractices[p];
  const PracticeSpec& from = kPractices[q];
  if (from.sells_technology && !to.sells_technology) return false;
  return to.family == from.family || (to.sells_technology && from.sells_technology);
}
std::span<const GradeSpec, kGradeCount> Grades() { return kGrades; }
std::span<const std::string_view> Offices() { return kOffices; }
std::span<const std::string_view> FirstNames() { return kFirstNames; }
std::span<const std::string_view> LastNames() { return kLastNames; }
std::span<const std::string_view> ClientPrefixes() { return kClientPrefixes; }
std::span<const std::string_view> ClientNouns() { return kClientNouns; }
std::span<const std::string_view> ClientSuffixes() { return kClientSuffixes; }
std::span<const std::string_view> Industries() { return kIndustries; }
std::span<const std::string_view> PersonTags() { return kPersonTags; }

}  // namespace guild::demo::internal
