#!/usr/bin/python3
"""Writes the peer benchmark's invented inputs into DIR (bench/peers.sh).

  names_1k.csv, names_100k.csv   `first,last`; the 1k list is the first
                                 1,000 rows of the 100k one, so both name
                                 everyone the documents mention
  doc.txt                        PAGES pages of dense legal prose, ~14
                                 identifiers a page (listed names, A-numbers,
                                 dates of birth, phone numbers), for
                                 LibreOffice's text import
  doc.ms                         the same prose for groff -ms
  truth.json                     what the prose holds: "identifiers" (every
                                 listed name, A-number, date of birth and
                                 phone number as written) and "public" (the
                                 items that must stay: counsel and their
                                 firms, judges, case citations), one entry
                                 per occurrence (bench/score_peer_output.py)

Usage: make_peer_inputs.py DIR PAGES
Every name and number is generated; none is anyone's.
"""
import json
import random
import sys
from pathlib import Path

TOLL_FREE = {800, 833, 844, 855, 866, 877, 888}

GIVEN = ["Maria", "José", "Ana", "Luis", "Carmen", "Juan", "Rosa", "Carlos", "Fatima", "Omar",
         "Thanh", "Oksana", "Jean", "Daniel", "Yesenia", "Wilmer", "Khadija", "Samuel", "Lucía",
         "Edwin", "Brenda", "Kevin", "Valentina", "Gustavo", "Marisol", "Camila", "Ahmed", "Elena",
         "Pedro", "Sofía", "Mateo", "Ximena", "Rigoberto", "Mursal", "Érika", "Yolanda", "Arturo",
         "Dilnoza", "Hamid", "Nadia"]
# Surnames built from syllables: enough distinct ones for 100,000 rows that
# do not look like a list of numbers.
ONSET = ["Ba", "Ca", "Da", "Fe", "Ga", "He", "Jo", "Ki", "Lo", "Ma", "Ne", "Or", "Pa", "Qui",
         "Ra", "Sa", "Te", "Ur", "Va", "Ya", "Za", "Che", "Gu", "Mo", "Ri"]
MIDDLE = ["ran", "bel", "cos", "dal", "mer", "nio", "quel", "rre", "sto", "tin", "val", "zar",
          "gon", "lia", "pez", "ñez", "rez", "mon", "lde", "bra"]
CODA = ["a", "o", "ez", "es", "is", "as", "on", "i", "u", "er"]

PROSE = [
    "The respondent testified credibly before the Immigration Judge regarding the events that led "
    "to the departure from the country of nationality, and the record reflects consistent accounts "
    "across the initial interview, the written declaration and the hearing.",
    "Counsel for the Department of Homeland Security did not contest the authenticity of the "
    "documents submitted in support of the application, including the medical reports and the "
    "letters from community members who witnessed the threats.",
    "Under the applicable standard of review, the Board reviews findings of fact, including "
    "credibility determinations, for clear error, and questions of law, discretion and judgment de "
    "novo, as the regulations at 8 C.F.R. 1003.1(d)(3) provide.",
    "The court notes that the particular social group was defined with sufficient particularity "
    "and social distinction, and that the persecutor's motive need not be the sole central reason "
    "for the harm suffered or feared.",
]


def names(count):
    rng = random.Random(19)
    seen, rows = set(), []
    while len(rows) < count:
        first = rng.choice(GIVEN)
        last = rng.choice(ONSET) + rng.choice(MIDDLE) + rng.choice(CODA)
        if rng.random() < 0.3:
            last += " " + rng.choice(ONSET) + rng.choice(MIDDLE) + rng.choice(CODA)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        rows.append((first, last))
    return rows


# Public roles a filing names, which must stay: counsel with their firms,
# judges, and the cases it cites. Invented, and on no names list.
COUNSEL = [("Dana K. Whitfield", "Whitfield & Ortega LLP"),
           ("Marcus O. Lindqvist", "Northside Immigrant Rights Clinic"),
           ("Priya R. Castellanos", "Castellanos Legal Aid")]
JUDGES = ["Harold P. Brennan", "Teresa M. Okafor"]
CITATIONS = ["Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)",
             "INS v. Cardoza-Fonseca, 480 U.S. 421 (1987)",
             "Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014)"]


def paragraphs(pages, people, truth):
    """About 14 identifiers a page: four paragraphs a page, each with a
    listed name, an A-number and a date of birth, and every other one a
    phone number; and 5 public items a page: counsel and their firm before
    a judge named by title, and two case citations. Appends each to
    truth["identifiers"] or truth["public"]."""
    rng = random.Random(7)
    out = []
    for p in range(pages):
        page = []
        for k in range(4):
            first, last = people[rng.randrange(len(people))]
            anum = f"A{rng.randrange(200000000, 299999999)}"
            dob = f"{rng.randrange(1, 13):02d}/{rng.randrange(1, 29):02d}/{rng.randrange(1960, 2010)}"
            text = (f"{PROSE[(p + k) % 4]} The applicant, {first} {last}, A-number {anum}, born "
                    f"{dob}, appeared with counsel. {PROSE[(p + k + 1) % 4]}")
            truth["identifiers"] += [f"{first} {last}", anum, dob]
            if k % 2 == 0:
                area = rng.randrange(200, 999)
                # A person's line is never toll-free (800, 833, ... 888 are
                # businesses' and agencies' numbers, which redact keeps).
                area += 1 if area in TOLL_FREE else 0
                phone = f"({area}) {rng.randrange(200, 999)}-{rng.randrange(1000, 9999)}"
                text += f" The applicant may be reached at {phone}."
                truth["identifiers"].append(phone)
            if k == 1:
                counsel, firm = COUNSEL[p % len(COUNSEL)]
                judge = JUDGES[p % len(JUDGES)]
                text += (f" {counsel}, of {firm}, argued for the respondent before Immigration Judge "
                         f"{judge}.")
                truth["public"] += [counsel, firm, judge]
            if k in (2, 3):
                citation = CITATIONS[(p + k) % len(CITATIONS)]
                text += f" See {citation}."
                truth["public"].append(citation)
            page.append(text)
        out.append(page)
    return out


def main():
    out, pages = Path(sys.argv[1]), int(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    people = names(100000)
    for size, name in ((1000, "names_1k.csv"), (100000, "names_100k.csv")):
        with open(out / name, "w", encoding="utf-8") as f:
            f.write("first,last\n")
            for first, last in people[:size]:
                f.write(f"{first},{last}\n")
    truth = {"identifiers": [], "public": []}
    doc = paragraphs(pages, people[:1000], truth)
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    # LibreOffice's text import: a form feed starts a new page.
    (out / "doc.txt").write_text("\f".join("\n\n".join(page) for page in doc) + "\n", encoding="utf-8")
    ms = [".nr PS 11", ".nr VS 14"]
    for i, page in enumerate(doc):
        if i:
            ms.append(".bp")
        for para in page:
            ms += [".PP", para]
    (out / "doc.ms").write_text("\n".join(ms) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
