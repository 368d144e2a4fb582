"""Invented people and public parties for the evaluation set.

Every name, number, address and date here is made up (seeded random
combinations of common given names and surnames; 555 phone numbers;
example.org e-mail). Nothing is a real person's data.
"""
import random
import datetime

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
             "agosto", "septiembre", "octubre", "noviembre", "diciembre"]

# (given names, surnames, two_surnames, country, language, phone prefix)
ORIGINS = [
    (["María José", "Juan Carlos", "Ana Lucía", "José Ángel", "Yesenia", "Wilmer",
      "Marisol", "Óscar Rubén", "Brayan", "Dulce María", "Héctor", "Rosa Elena",
      "Kevin Josué", "Ingrid", "Nayeli", "Érika", "Jesús", "Sofía", "Germán", "Leticia"],
     ["Hernández", "Núñez", "Peña", "Ortiz", "Ramírez", "Castañeda", "Zúñiga", "Ibáñez",
      "Velásquez", "Domínguez", "Quiñónez", "Gutiérrez", "Chávez", "Cardona", "Mejía",
      "Alvarado", "Baños", "Solís", "Argueta", "Menjívar", "Funes", "Lazo", "Orellana"],
     True, "Honduras", "Spanish", "+504"),
    (["Yolanda", "Mateo", "Rigoberto", "Sebastián", "Ixchel", "Tomás", "Lucía"],
     ["Tzul", "Xicará", "Coc", "Cux", "Ajú", "Batz", "Chumil", "Tum", "Pop", "Caal"],
     True, "Guatemala", "K'iche'", "+502"),
    (["Jean-Baptiste", "Wisly", "Marie-Claire", "Roseline", "Fritznel", "Nadège"],
     ["Joseph", "Pierre-Louis", "Dorvil", "Jean-Charles", "Altidor", "Désir"],
     False, "Haiti", "Haitian Creole", "+509"),
    (["Oksana", "Taras", "Olena", "Bohdan", "Iryna", "Mykola"],
     ["Petrenko", "Kovalchuk", "Hrytsenko", "Bondarenko", "Savchuk", "Lysenko"],
     False, "Ukraine", "Ukrainian", "+380"),
    (["Farid", "Zarghona", "Habibullah", "Mursal", "Nasrin"],
     ["Ahmadzai", "Noorzai", "Stanikzai", "Popal", "Rahimi"],
     False, "Afghanistan", "Dari", "+93"),
    (["Tesfaye", "Selam", "Yonas", "Meron", "Abrehet"],
     ["Gebremedhin", "Tesfamariam", "Haile", "Kidane", "Woldemichael"],
     False, "Eritrea", "Tigrinya", "+291"),
    (["Génesis", "Yorman", "Daniela", "Anyelo", "Rosmary"],
     ["Briceño", "Guerra", "Montilla", "Colmenares", "Pacheco", "Villarroel"],
     True, "Venezuela", "Spanish", "+58"),
    (["Mariem", "Sidi", "Aminetou", "Cheikh"],
     ["Ould Brahim", "Mint Ahmed", "Ould Sidi", "Ba"],
     False, "Mauritania", "Hassaniya Arabic", "+222"),
]

STREETS_ES = ["Calle Los Almendros", "Avenida Morazán", "Colonia Kennedy, Calle 4",
              "Barrio El Centro, 3a Avenida", "Colonia San Miguel, Pasaje Las Flores",
              "Calle Real", "Avenida Bolívar", "Residencial Las Palmas, Bloque C"]
STREETS_EN = ["Maple Street", "Cedar Avenue", "Orchard Lane", "Lincoln Boulevard",
              "Harbor Drive", "Sycamore Court", "Juniper Way", "Elm Street"]
CITIES_US = [("Houston", "TX", "770"), ("Los Angeles", "CA", "900"), ("Newark", "NJ", "071"),
             ("Phoenix", "AZ", "850"), ("Chicago", "IL", "606"), ("Miami", "FL", "331")]
RECEIPT_PREFIX = ["EAC", "WAC", "LIN", "SRC", "NBC", "MSC", "IOE", "YSC", "ZLA", "ZNY", "ZHN"]
CF_OUTCOMES = ["Positive", "Negative", "Negative; IJ review requested", "Pending",
               "Positive (RFI)", "Negative; IJ vacated"]
FACILITIES = ["Otay Mesa Detention Center", "Adelanto ICE Processing Center",
              "South Texas ICE Processing Center", "Krome North Service Processing Center",
              "Eloy Detention Center", "Port Isabel Service Processing Center",
              "Stewart Detention Center", "Northwest ICE Processing Center"]


class Person:
    def __init__(self, idx, rng):
        o = ORIGINS[idx % len(ORIGINS)] if idx % 3 else ORIGINS[0]
        givens, surnames, two, country, lang, cc = o
        self.id = "P-%03d" % (idx + 1)
        self.idx = idx
        g = rng.choice(givens)
        parts = g.split(" ")
        self.first = parts[0]
        self.middle = " ".join(parts[1:])
        s1 = rng.choice(surnames)
        s2 = rng.choice([s for s in surnames if s != s1]) if two else ""
        self.sur1, self.sur2 = s1, s2
        self.last = (s1 + " " + s2).strip()
        self.female = self.first in ("María", "Ana", "Yesenia", "Marisol", "Dulce", "Rosa",
                                     "Ingrid", "Nayeli", "Érika", "Sofía", "Leticia", "Yolanda",
                                     "Ixchel", "Lucía", "Marie-Claire", "Roseline", "Nadège",
                                     "Oksana", "Olena", "Iryna", "Zarghona", "Mursal", "Nasrin",
                                     "Selam", "Meron", "Abrehet", "Génesis", "Daniela",
                                     "Rosmary", "Mariem", "Aminetou")
        self.country, self.language = country, lang
        self.anum = "%09d" % rng.choice([rng.randint(200000000, 249999999),
                                         rng.randint(70000000, 99999999)])
        self.dob = datetime.date(rng.randint(1962, 2006), rng.randint(1, 12), rng.randint(1, 28))
        self.receipt = rng.choice(RECEIPT_PREFIX) + "%010d" % rng.randint(2190000000, 2599999999)
        self.phone_home = "%s %d %d %04d" % (cc, rng.randint(20, 99), rng.randint(100, 999),
                                             rng.randint(0, 9999))
        city, st, z = rng.choice(CITIES_US)
        self.phone_us = "(%s) 555-%04d" % (rng.choice(["713", "213", "973", "602", "312", "305"]),
                                          rng.randint(100, 199))
        self.address_us = "%d %s, Apt. %d%s, %s, %s %s%02d" % (
            rng.randint(100, 9899), rng.choice(STREETS_EN), rng.randint(1, 30),
            rng.choice("ABCD"), city, st, z, rng.randint(1, 99))
        self.address_home = "%s, casa %d" % (rng.choice(STREETS_ES), rng.randint(2, 99))
        self.email = "%s.%s%d@example.org" % (
            strip(self.first).lower().replace("-", ""), strip(s1).lower().replace(" ", ""),
            rng.randint(10, 99))
        self.facility = rng.choice(FACILITIES)
        self.cf = rng.choice(CF_OUTCOMES)
        self.entry = datetime.date(2024, rng.randint(1, 12), rng.randint(1, 28))
        self.cfi_date = self.entry + datetime.timedelta(days=rng.randint(9, 40))

    # ---- name forms -------------------------------------------------------
    def full(self):
        return " ".join(x for x in (self.first, self.middle, self.last) if x)

    def first_last(self):
        return "%s %s" % (self.first, self.last)

    def last_first(self, caps=True):
        last = self.last.upper() if caps else self.last
        given = " ".join(x for x in (self.first, self.middle) if x)
        return "%s, %s" % (last, given)

    def caps(self):
        return self.full().upper()

    def initial_last(self):
        return "%s. %s" % (self.first[0], self.last)

    def honorific(self):
        return ("Ms. " if self.female else "Mr. ") + self.sur1

    def honorific_initial(self):
        return ("Ms. " if self.female else "Mr. ") + self.sur1[0] + "."

    def initials(self):
        letters = [self.first[0]] + [w[0] for w in self.last.replace("-", " ").split()]
        return ".".join(letters) + "."

    def sr(self):
        return ("la señora " if self.female else "el señor ") + self.last

    # ---- number and date forms ---------------------------------------------
    def a(self, style=0):
        n = self.anum
        return ["A%s" % n, "A-%s-%s-%s" % (n[:3], n[3:6], n[6:]), "A# %s %s %s" % (n[:3], n[3:6], n[6:]),
                "%s-%s-%s" % (n[:3], n[3:6], n[6:]), "A %s" % n, "A%s" % n.lstrip("0")][style]

    def d(self, style=0):
        x = self.dob
        return ["%02d/%02d/%04d" % (x.month, x.day, x.year), x.isoformat(),
                "%d de %s de %d" % (x.day, MONTHS_ES[x.month - 1], x.year),
                "%s %d, %d" % (MONTHS_EN[x.month - 1], x.day, x.year),
                "%02d/%02d/%04d" % (x.day, x.month, x.year)][style]


def fmt_date(x, style=0):
    return ["%02d/%02d/%04d" % (x.month, x.day, x.year),
            "%s %d, %d" % (MONTHS_EN[x.month - 1], x.day, x.year),
            "%d de %s de %d" % (x.day, MONTHS_ES[x.month - 1], x.year)][style]


def strip(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def make_people(n=220, seed=2026):
    rng = random.Random(seed)
    people, seen = [], set()
    i = 0
    while len(people) < n:
        p = Person(i, rng)
        i += 1
        key = (p.first, p.last)
        if key in seen or p.anum in {q.anum for q in people}:
            continue
        seen.add(key)
        p.idx = len(people)
        p.id = "P-%03d" % (p.idx + 1)
        people.append(p)
    return people


def listed(p):
    """Two in three applicants are on the case's names list."""
    return p.idx % 3 != 2


# ---- public parties (must stay) --------------------------------------------
COUNSEL = [
    dict(name="Rebecca T. Hollander", bar="Cal. Bar No. 284417", firm="Hollander & Vance LLP",
         addr="1200 Front Street, Suite 900", city="San Diego, CA 92101", phone="(619) 555-0187",
         email="rhollander@hollandervance.example.com", role="Attorney for Plaintiffs"),
    dict(name="Marcus A. Oyelaran", bar="SBN 301552", firm="Border Rights Legal Defense",
         addr="455 Camino del Río South, Suite 210", city="San Diego, CA 92108",
         phone="(619) 555-0133", email="moyelaran@brld.example.org", role="Counsel for Petitioners"),
    dict(name="Claudia Beltrán Soto", bar="Texas Bar No. 24091187", firm="Proyecto Defensa Migrante",
         addr="2301 North Main Avenue, Suite 4", city="San Antonio, TX 78212",
         phone="(210) 555-0164", email="cbeltran@pdm.example.org", role="Attorney for Respondent"),
    dict(name="Jonathan K. Whitfield", bar="D.C. Bar No. 1002345",
         firm="U.S. Department of Justice, Office of Immigration Litigation",
         addr="P.O. Box 868, Ben Franklin Station", city="Washington, DC 20044",
         phone="(202) 555-0119", email="jonathan.whitfield@usdoj.example.gov",
         role="Attorney for Defendants"),
    dict(name="Priya Raman-Ellis", bar="N.Y. Bar No. 5512093", firm="Immigrant Justice Clinic",
         addr="40 Washington Square South, Room 312", city="New York, NY 10012",
         phone="(212) 555-0171", email="praman@ijc.example.edu", role="Counsel for Amici"),
]
JUDGES = ["Hon. Eleanor V. Castellanos", "Hon. Robert J. Kimura", "Hon. Dolores M. Aguirre",
          "Immigration Judge Thomas W. Brennan"]
TRANSLATORS = [("Lucía Ferrer Aguado", "Spanish"), ("Wilner Saint-Fleur", "Haitian Creole"),
               ("Halyna Moroz", "Ukrainian"), ("Samir Haddad", "Arabic")]
OFFICERS = ["Deportation Officer Kevin R. Mathers", "Supervisory Asylum Officer Janet L. Ng",
            "Border Patrol Agent Luis F. Carrasco", "Asylum Officer Dana M. Kowalski"]
COURTS = ["UNITED STATES DISTRICT COURT", "SOUTHERN DISTRICT OF CALIFORNIA",
          "UNITED STATES DISTRICT COURT FOR THE WESTERN DISTRICT OF TEXAS",
          "UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT"]
CASES = [("Al Otro Lado Doe Plaintiffs v. Noem", "No. 3:24-cv-01234-ABC-DEF"),
         ("L.M.R. v. Secretary of Homeland Security", "No. 5:25-cv-00871-XR"),
         ("Refugee Families Coalition v. Garland", "No. 24-5512")]
CITATIONS = ["8 C.F.R. § 208.6", "8 C.F.R. § 1208.6", "8 C.F.R. § 208.30", "8 U.S.C. § 1158",
             "Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018)",
             "Matter of M-A-M-, 25 I&N Dec. 474 (BIA 2011)",
             "Lin v. U.S. Dep't of Justice, 459 F.3d 255 (2d Cir. 2006)",
             "Fed. R. Civ. P. 5.2"]
REG_208_6 = ("Information contained in or pertaining to any application for refugee admission, "
             "asylum, withholding of removal under section 241(b)(3) of the Act, or protection "
             "under regulations issued pursuant to the Convention Against Torture's "
             "implementing legislation, records pertaining to any credible fear determination "
             "conducted pursuant to § 208.30, and records pertaining to any reasonable fear "
             "determination conducted pursuant to § 208.31, shall not be disclosed without the "
             "written consent of the applicant, except as permitted by this section or at the "
             "discretion of the Secretary.")
