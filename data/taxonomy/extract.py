#!/usr/bin/env python3
"""Extracts Guild's built-in skills taxonomy from the O*NET 29.2 and ESCO v1.1.1 files.

Reproducible: reads the tab-separated reference files described in
skills/README.md of the shared data folder (../shared/data beside the
repository) and writes the compact subset that Guild
ships in data/taxonomy/. Python 3 standard library only.

Usage (from the repository root):
    python3 data/taxonomy/extract.py ../shared/data/skills data/taxonomy

What is kept (see docs/TAXONOMY.md and data/ATTRIBUTION.md):
  O*NET: skills (2.A.*, 2.B.*) and knowledge (2.C.*) elements with their group
         nodes, all occupations, their Importance/Level ratings joined into one
         row per (occupation, element), and the Level scale anchors.
  ESCO:  occupations of ISCO-08 groups 11, 12 (managers), 24 (business and
         administration), 25 (ICT) and 26 (legal, social, cultural
         professionals); the skills they link to, the transversal skills, the
         broader skills and skill groups those need for a tree, and the
         occupation->skill links.
"""
import os
import sys

ESCO_ISCO_PREFIXES = ("11", "12", "24", "25", "26")
ONET_ELEMENT_PREFIXES = ("2.A", "2.B", "2.C")


def read_tsv(path):
    """Yields (line_number, dict) for each data row of a headed TSV file."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for number, line in enumerate(f, start=2):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != len(header):
                sys.exit(f"{path}:{number}: expected {len(header)} fields, got {len(fields)}")
            yield number, dict(zip(header, fields))


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        count = 0
        for row in rows:
            assert all("\t" not in v and "\n" not in v for v in row), row
            f.write("\t".join(row) + "\n")
            count += 1
    print(f"{os.path.basename(path)}: {count} rows, {os.path.getsize(path)} bytes")


def onet_kind(element_id):
    return "knowledge" if element_id.startswith("2.C") else "skill"


def extract_onet(src, out):
    onet = os.path.join(src, "onet")
    elements = []
    for _, r in read_tsv(os.path.join(onet, "Content Model Reference.txt")):
        eid = r["Element ID"]
        if eid.startswith(ONET_ELEMENT_PREFIXES):
            elements.append((eid, r["Element Name"], onet_kind(eid), r["Description"]))
    write_tsv(os.path.join(out, "onet_elements.tsv"),
              ["element_id", "name", "kind", "description"], elements)
    element_ids = {e[0] for e in elements}

    occupations = [(r["O*NET-SOC Code"], r["Title"], r["Description"])
                   for _, r in read_tsv(os.path.join(onet, "Occupation Data.txt"))]
    write_tsv(os.path.join(out, "onet_occupations.tsv"), ["code", "title", "description"],
              occupations)

    ratings = {}  # (code, element) -> [importance, level, not_relevant, suppress]
    for name in ("Skills.txt", "Knowledge.txt"):
        for _, r in read_tsv(os.path.join(onet, name)):
            key = (r["O*NET-SOC Code"], r["Element ID"])
            if key[1] not in element_ids:
                continue
            row = ratings.setdefault(key, ["", "", "N", "N"])
            if r["Scale ID"] == "IM":
                row[0] = r["Data Value"]
            elif r["Scale ID"] == "LV":
                row[1] = r["Data Value"]
                if r["Not Relevant"] == "Y":
                    row[2] = "Y"
            if r["Recommend Suppress"] == "Y":
                row[3] = "Y"
    rows = [(code, eid, *vals) for (code, eid), vals in sorted(ratings.items())
            if vals[0] and vals[1]]
    write_tsv(os.path.join(out, "onet_ratings.tsv"),
              ["code", "element_id", "importance", "level", "not_relevant", "suppress"], rows)

    anchors = [(r["Element ID"], r["Anchor Value"], r["Anchor Description"])
               for _, r in read_tsv(os.path.join(onet, "Level Scale Anchors.txt"))
               if r["Element ID"] in element_ids and r["Scale ID"] == "LV"]
    write_tsv(os.path.join(out, "onet_level_anchors.tsv"),
              ["element_id", "anchor_value", "description"], anchors)


def esco_ancestors(start_ids, parents):
    """All ids reachable upwards from start_ids (including them)."""
    seen = set(start_ids)
    stack = list(start_ids)
    while stack:
        for p in parents.get(stack.pop(), ()):
            if p not in seen:
                seen.add(p)
                stack.append(p)
    return seen


def extract_esco(src, out):
    esco = os.path.join(src, "esco")
    occupations = [r for _, r in read_tsv(os.path.join(esco, "occupations.tsv"))
                   if r["iscoGroup"].startswith(ESCO_ISCO_PREFIXES)]
    occupation_ids = {r["id"] for r in occupations}
    links = [r for _, r in read_tsv(os.path.join(esco, "occupation_skill_relations.tsv"))
             if r["occupationId"] in occupation_ids]
    collections = {}
    for _, r in read_tsv(os.path.join(esco, "skill_collections.tsv")):
        collections.setdefault(r["skillId"], []).append(r["collection"])
    wanted = {r["skillId"] for r in links}
    wanted |= {s for s, c in collections.items() if "transversal" in c}

    parents = {}
    for _, r in read_tsv(os.path.join(esco, "skill_broader_relations.tsv")):
        parents.setdefault(r["id"], []).append(r["broaderId"])
    groups = {r["id"]: r for _, r in read_tsv(os.path.join(esco, "skill_groups.tsv"))}
    skills = {r["id"]: r for _, r in read_tsv(os.path.join(esco, "skills.tsv"))}
    closure = esco_ancestors(wanted, parents)
    kept_skills = sorted(i for i in closure if i in skills)
    kept_groups = sorted(i for i in closure if i in groups)
    kept = set(kept_skills) | set(kept_groups)

    write_tsv(os.path.join(out, "esco_skills.tsv"),
              ["id", "skill_type", "reuse_level", "label", "alt_labels", "collections",
               "description"],
              ((i, skills[i]["skillType"], skills[i]["reuseLevel"], skills[i]["preferredLabel"],
                skills[i]["altLabels"], ",".join(sorted(collections.get(i, []))),
                skills[i]["description"]) for i in kept_skills))
    write_tsv(os.path.join(out, "esco_skill_groups.tsv"), ["id", "code", "label", "description"],
              ((i, groups[i]["code"], groups[i]["preferredLabel"], groups[i]["description"])
               for i in kept_groups))
    write_tsv(os.path.join(out, "esco_broader.tsv"), ["id", "broader_id"],
              ((i, p) for i in sorted(kept) for p in sorted(parents.get(i, ())) if p in kept))
    write_tsv(os.path.join(out, "esco_occupations.tsv"),
              ["id", "isco_group", "code", "label", "alt_labels", "description"],
              ((r["id"], r["iscoGroup"], r["code"], r["preferredLabel"], r["altLabels"],
                r["description"]) for r in sorted(occupations, key=lambda r: r["id"])))
    write_tsv(os.path.join(out, "esco_occupation_skills.tsv"),
              ["occupation_id", "relation", "skill_id"],
              ((r["occupationId"], r["relationType"], r["skillId"])
               for r in sorted(links, key=lambda r: (r["occupationId"], r["skillId"]))))


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: extract.py SOURCE_DIR (e.g. ../shared/data/skills) OUTPUT_DIR")
    src, out = argv[1], argv[2]
    os.makedirs(out, exist_ok=True)
    extract_onet(src, out)
    extract_esco(src, out)


if __name__ == "__main__":
    main(sys.argv)
