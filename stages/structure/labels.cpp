#include "stages/structure/labels.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "stages/detect/normalize.h"

namespace redact {
namespace {

struct LabelEntry {
  const char* key;
  std::vector<const char*> phrases;  // written as forms write them
};

// The labels of who the person is and of their fear screening.
std::vector<LabelEntry> PersonEntries() {
  return {
      {"name",
       {"name", "names", "full name", "complete name", "legal name", "name (last, first)",
        "last, first", "last name, first name", "family name", "family name (last name)",
        "last name", "surname", "given name", "given name (first name)", "first name",
        "middle name", "other names used", "other names", "aliases", "alias", "a.k.a.",
        "detainee", "detainee name", "name of detainee", "class member", "class member name",
        "family members", "family member", "household members", "household member",
        "miembros de la familia", "miembros de familia", "familiares", "integrantes de la familia",
        "member name", "applicant", "applicant name", "applicant's name", "name of applicant",
        // A court's calendar ("Time | Respondent | A-Number | Language").
        "respondent", "respondents", "respondent(s)",
        "respondent name", "respondent's name", "beneficiary name", "child's name",
        "spouse's name", "what other names have you used", "que otros nombres ha usado",
        "qué otros nombres ha usado", "nombre", "nombres", "nombre(s)", "nombre completo",
        "nombre y apellido", "nombre y apellidos", "apellido", "apellidos", "apellido(s)",
        "primer apellido", "segundo apellido", "segundo nombre", "nombre del solicitante",
        "otros nombres usados", "otros nombres", "primer nombre", "nombre de pila",
        "complete last name", "complete first name", "complete middle name", "full last name",
        "apellido completo", "apellidos completos",
        // A form's boxes for a name's parts ("Family Name (CAPS)" | "First" |
        // "Middle", as DHS records set them) and for relatives' names.
        "first", "middle", "last", "given", "given names", "father's name", "mother's name",
        "mother's maiden name", "mother's present and maiden names", "parents' names",
        "names of parents", "spouse", "applicant's spouse", "spouse (name)", "child", "children",
        "child(ren)", "children's names", "names of children", "u.s. contact", "contact in the u.s.",
        "u.s. relative", "relatives in the u.s.", "relative", "relatives", "emergency contact", "sponsor",
        "sponsor's name", "conyuge", "cónyuge", "hijos", "hijo(s)", "hijos(as)", "contacto en ee.uu.",
        "mother", "father", "madre", "padre", "contacto familiar", "family contact",
        "name address and nationality of spouse", "name address and nationality of spouse maiden name if appropriate",
        "hijos incluidos", "children included", "dependents included",
        // A mailing address's addressee (I-589 Part A.I).
        "in care of", "in care of (if applicable)",
        "c/o", "a cargo de", "al cuidado de",
        "contacto en los estados unidos", "familiar en ee.uu.", "patrocinador",
        // The people on one asylum application (I-589 Part A.III).
        "principal applicant", "derivative", "derivatives", "derivative applicant", "derivative child",
        "dependent", "dependents", "dependiente", "dependientes", "solicitante principal",
        "derivative family members", "derivative family members included in this application",
        // An EOIR notice's rider: a derivative respondent on the same case.
        "rider", "riders", "rider(s)", "derivative respondent", "derivative respondents",
        "family members included in this application", "dependents included in this determination",
        // A clinic's record of a detained person ("Patient: CRUZ PADILLA,
        // DARLIN YAMILETH").
        "patient", "patient name", "patient's name", "name of patient", "paciente", "nombre del paciente",
        // A legal-aid office's docket ("Client" | "A#" | "DOB" | ...).
        "client", "clients", "cliente", "clienta", "clientes",
        // An index of a motion's declarations ("Exhibit" | "Declarant" |
        // "Subject" | "Docket"): counsel's and experts' own stay public.
        "declarant", "declarants", "declarant name", "name of declarant", "declarante"}},
      {"a_number",
       {"a-number", "a number", "a#", "a #", "a no.", "a-no.", "alien no.", "alien number",
        "alien registration number", "alien registration number (a-number)", "a-file",
        "a-file number", "uscis #", "uscis number", "agency no.", "numero a", "número a",
        "numero de registro de extranjero", "numero de extranjero", "no. de extranjero",
        "a-number (if any)", "alien registration number (a-number) (if any)",
        // An EOIR notice's box "File No. (A-Number)"; a rider's own.
        "file no.", "file no", "file number", "file #", "a-file no.", "rider a-number", "rider(s) a-number"}},
      {"dob",
       {"dob", "d.o.b.", "date of birth", "birth date", "birthdate", "date of birth (mm/dd/yyyy)",
        "fecha de nacimiento", "fecha de nac.", "f. nac.", "f. de nac.", "nacimiento",
        "fecha de nacimiento (mm/dd/aaaa)",
        // Another date of the person's own life on the same forms, as
        // identifying (I-589 Part A.II).
        "date of marriage", "fecha de matrimonio", "fecha del matrimonio"}},
      {"credible_fear",
       {"cfi outcome", "cf outcome", "cfi result", "cf result", "cfi decision", "cf decision",
        "cfi", "credible fear", "credible fear outcome", "credible fear determination",
        "credible fear result", "rfi outcome", "rf outcome", "reasonable fear",
        "fear determination", "fear outcome", "fear finding", "asylum status",
        "asylum decision", "asylum outcome", "outcome", "decision", "determination",
        "resultado", "decision del miedo creible", "miedo creible", "resultado cfi",
        "result", "results", "screening result", "fear screening", "fear screening result",
        "mcf", "resultado mcf", "resultado del mcf", "resultado de mcf", "resultado tmc",
        "interview date", "date of interview", "cfi date", "date of cfi", "fecha de entrevista",
        "fecha de la entrevista", "fecha mcf", "fecha de mcf", "credible fear status",
        "cf status", "cfi status", "fear status", "status of credible fear", "estado mcf",
        "estado del mcf", "credible fear outcome date",
        // A negative finding's review by an immigration judge, and the
        // day of a screening or its decision (a class list's "Screening"
        // group: "CF outcome | IJ review | Date").
        "ij review", "ij review outcome", "ij review result", "ij decision", "review by ij",
        "immigration judge review", "revision del juez", "revision por juez", "screening",
        "screening date", "date of screening", "screening outcome", "screening status", "decision date",
        "date of decision",
        "determination date", "date of determination", "cf date", "date of cf", "rf date", "fecha de decision",
        "cf determination", "cfi determination", "rf determination", "rfi determination", "cf/rf determination",
        "cf / rf determination", "cf result date",
        // An asylum officer's notes: the day of the interview. (Not a
        // supervisor's review: its value is the reviewer, public.)
        "interview", "entrevista", "cf interview", "cfi date/time",
        "fecha de la decision",
        // A determination's questions, answered by check boxes (I-870).
        "credible fear of persecution established", "credible fear of torture established",
        "reasonable fear of persecution established", "reasonable fear of torture established",
        "credible fear established", "reasonable fear established",
        "significant possibility of persecution", "significant possibility of torture",
        "miedo creible de persecucion establecido", "miedo creible de tortura establecido",
        "miedo creible establecido"}},
  };
}

// The labels of the person's numbers, contacts and places, and of what
// holds no identifier by itself.
std::vector<LabelEntry> OtherEntries() {
  return {
      {"receipt_number",
       {"receipt number", "receipt #", "receipt no.", "uscis receipt number", "numero de recibo"}},
      {"phone",
       {"phone", "telephone", "tel.", "phone number", "telephone number",
        "daytime telephone number", "mobile", "mobile telephone number", "cell phone",
        "telefono", "teléfono", "numero de telefono", "celular", "cell", "cell phone number",
        "movil"}},
      {"address",
       {"address", "home address", "mailing address", "residence", "residential address",
        "u.s. mailing address", "street number and name", "current address", "u.s. address",
        "address in the u.s.", "foreign address", "last address outside the united states", "direccion",
        "dirección", "domicilio", "direccion postal", "direccion residencial",
        // The parts of an address in their own boxes (I-589 Part A.I).
        "city", "city or town", "town or city", "city/town", "state", "zip code", "zip", "postal code", "apt. number",
        "apt number", "apartment number", "ciudad", "ciudad o pueblo", "estado", "codigo postal",
        "código postal", "numero de apartamento", "número de apartamento",
        // The last address abroad and a relative's whereabouts (I-589
        // Part A.III: "Number and Street" | "City/Town" | "Department,
        // Province, or State"; "Current Location").
        "number and street", "department, province, or state", "department province or state",
        "province or state", "current location", "ubicacion actual", "ubicación actual",
        // A DHS record's (I-213) box for where the person lived abroad.
        "number street city province state and country of permanent residence",
        "number street city province and country of permanent residence", "permanent residence",
        "country of permanent residence", "mailing address of respondent", "address of respondent",
        "respondent's address", "respondent's mailing address", "mailing address of applicant",
        // A relative's or sponsor's address is as identifying (a bond
        // tracker's "Sponsor address").
        "sponsor address", "sponsor's address", "address of sponsor", "relative's address",
        "direccion del patrocinador"}},
      // Where the person was born: a town or village names a family and a
      // community; the country after it does not (detection takes the
      // words before the last comma: "Adi Quala, Eritrea").
      {"birthplace",
       {"city and country of birth", "city of birth", "town of birth", "city/town of birth", "place of birth",
        "city/town and country of birth",
        "birthplace", "lugar de nacimiento", "ciudad de nacimiento", "ciudad y pais de nacimiento",
        "ciudad y país de nacimiento",
        // A DHS record's paired box: "COB / POB: Haiti / Jacmel" (detection
        // takes the part the place of birth stands in).
        "cob / pob", "cob/pob", "pob", "p.o.b.", "country / place of birth", "country/place of birth",
        "pais / lugar de nacimiento",
        // A hearing's or interview's question ("Q. Where were you born?").
        "where were you born", "where were you born?", "donde nacio", "donde nacio usted", "donde nacio usted?",
        "en que lugar nacio"}},
      {"email", {"email", "e-mail", "email address", "e-mail address", "correo electronico",
                 "correo electrónico"}},
      {"ssn", {"ssn", "social security number", "u.s. social security number",
               "numero de seguro social"}},
      {"country", {"country", "country of birth", "country of nationality", "nationality",
                   "citizenship", "country of citizenship", "birth country", "pais",
                   "pais de nacimiento", "nacionalidad"}},
      {"facility", {"facility", "detention facility", "location", "centro de detencion"}},
      {"language", {"language", "languages", "native language", "idioma", "idioma nativo",
                    "lengua", "lengua materna", "best language", "idioma preferido"}},
      {"office", {"asylum office", "field office", "ice field office", "uscis field office",
                  "uscis office", "immigration court", "court address", "office address",
                  "asylum office address", "oficina de asilo", "corte de inmigracion",
                  "tribunal de inmigracion"}},
      {"row", {"#", "no.", "no", "number", "row", "item"}},
      {"date", {"date", "fecha", "date filed", "date of entry", "entry date"}},
      {"case_number", {"case no.", "case number", "docket no.", "numero de caso"}},
      // Other agencies' numbers for the person (a DHS record's boxes).
      {"agency_number", {"passport number", "passport no.", "passport #", "passport number and country of issue",
                         "numero de pasaporte", "fins", "fins number", "fin", "fin #", "fin no.", "fin number", "fingerprint identification number system",
                         "fingerprint identification number system (fins)", "fbi number", "fbi no.", "fbi #",
                         // An I-589's other numbers for the person and each relative.
                         "passport/id card number", "passport or id card number", "id card number",
                         "national id number", "national identity card number", "i-94 number",
                         "i-94 record number", "what is your current i-94 number", "what is your current i-94 number, if any?",
                         "uscis online account number", "online account number", "numero de cuenta en linea de uscis",
                         "cedula", "cedula de identidad", "numero de cedula", "numero de pasaporte o documento de identidad",
                         // The Spanish I-589's I-94 box ("Número I-94 (Registro de
                         // Entrada y Salida)"; a spouse's "Número I-94 (si lo tiene)").
                         "numero i-94", "numero de i-94", "numero i-94 (registro de entrada y salida)",
                         "numero i-94 (si lo tiene)", "i-94 number (if any)", "admission number", "admission record number"}},
  };
}

const std::vector<LabelEntry>& Entries() {
  static const std::vector<LabelEntry> kEntries = [] {
    std::vector<LabelEntry> all = PersonEntries();
    for (LabelEntry& e : OtherEntries()) all.push_back(std::move(e));
    return all;
  }();
  return kEntries;
}

// The people whose name a header names by its role: "Detainee name",
// "Nombre del detenido", "Name of applicant". Public roles (interpreter,
// officer, judge, counsel) are not among them: their names stay.
void AddPersonRoleNames(std::unordered_map<std::string, std::string>* t) {
  static const char* const kEnglish[] = {"detainee", "applicant", "member", "respondent", "father", "mother",
                                         "son", "daughter", "brother", "sister", "sibling", "husband", "wife",
                                         "beneficiary", "child", "spouse", "person", "client",
                                         "petitioner", "plaintiff", "declarant", "derivative",
                                         "principal", "minor", "parent", "class member",
                                         "family member", "household member", "patient", "student", "pupil"};
  static const char* const kSpanish[] = {"detenido", "detenida", "detenido a", "solicitante",
                                         "miembro", "beneficiario", "beneficiaria", "menor",
                                         "nino", "nina", "hijo", "hija", "conyuge", "persona",
                                         "demandante", "peticionario", "peticionaria",
                                         "declarante", "integrante", "padre", "madre",
                                         "cliente", "familiar", "alumno", "alumna", "estudiante"};
  for (const char* role : kEnglish) {
    const std::string r = NormalizeLabel(role);
    for (const std::string& form : {r + " name", r + " s name", "name of " + r, "name of the " + r,
                                    r + " full name", r + " last name", r + " first name"}) {
      t->emplace(form, "name");
    }
  }
  for (const char* role : kSpanish) {
    const std::string r = NormalizeLabel(role);
    for (const char* of : {" del ", " de la ", " de ", " de el "}) {
      for (const char* head : {"nombre", "nombres", "nombre completo", "apellido", "apellidos"}) {
        t->emplace(std::string(head) + of + r, "name");
      }
    }
  }
}

// A public person's particulars on a form ("Teléfono del intérprete",
// "Preparer's telephone number", "Name of interpreter"): key "public", a
// value that stays (names, phones, addresses, e-mails alike).
void AddPublicRoleLabels(std::unordered_map<std::string, std::string>* t) {
  static const char* const kRolesEn[] = {"preparer", "interpreter", "translator", "attorney", "representative",
                                         "counsel", "accredited representative"};
  static const char* const kHeadsEn[] = {"name", "full name", "phone", "telephone", "telephone number", "phone number",
                                         "daytime telephone number", "address", "mailing address", "email",
                                         "e-mail", "email address", "e-mail address"};
  static const char* const kRolesEs[] = {"preparador", "preparadora", "interprete", "traductor", "traductora",
                                         "abogado", "abogada", "representante"};
  static const char* const kHeadsEs[] = {"nombre", "nombre completo", "telefono", "numero de telefono", "direccion",
                                         "correo electronico"};
  for (const char* role : kRolesEn) {
    for (const char* head : kHeadsEn) {
      const std::string r = NormalizeLabel(role), h = NormalizeLabel(head);
      for (const std::string& form : {r + " s " + h, h + " of " + r, h + " of the " + r, r + " " + h}) {
        t->emplace(form, "public");
      }
    }
  }
  for (const char* role : kRolesEs) {
    for (const char* head : kHeadsEs) {
      for (const char* of : {" del ", " de la ", " de "}) {
        t->emplace(NormalizeLabel(std::string(head) + of + role), "public");
      }
    }
  }
  // Who made the document ("Prepared by: Renée Aboagye, LOP Coordinator,
  // (214) 555-0177", a legal service's roster).
  for (const char* by : {"prepared by", "preparado por", "preparada por", "translated by", "traducido por",
                         "interpreted by", "interpretado por"}) {
    t->emplace(NormalizeLabel(by), "public");
  }
}

const std::unordered_map<std::string, std::string>& Table() {
  static const auto* kTable = [] {
    auto* t = new std::unordered_map<std::string, std::string>;
    for (const LabelEntry& e : Entries()) {
      for (const char* p : e.phrases) t->emplace(NormalizeLabel(p), e.key);
    }
    AddPersonRoleNames(t);
    AddPublicRoleLabels(t);
    return t;
  }();
  return *kTable;
}

std::string StripDecorations(std::string n) {
  // A leading item number ("1", "3a", "12 b"), also numbered by section
  // ("1.6", "12.3.b": "1 6", "12 3 b" once normalized), and a trailing
  // "(if any)".
  for (int part = 0; part < 3; ++part) {
    size_t i = 0;
    while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
    if (i > 0 && i < n.size() && i + 1 < n.size() && n[i] != ' ' && n[i + 1] == ' ') ++i;
    if (i == 0 || i >= n.size() || n[i] != ' ') break;
    n.erase(0, i + 1);
  }
  for (std::string_view tail : {" if any", " if known", " si se conoce", " caps", " in caps", " en mayusculas", " si tiene", " si aplica", " optional", " en los ee uu",
                                 " en estados unidos", " in the u s", " in the united states"}) {
    if (n.size() > tail.size() && n.ends_with(tail)) n.erase(n.size() - tail.size());
  }
  return n;
}

// A header in the plural ("Dates of birth", "A-Numbers", "Phones",
// "Addresses"), one word at a time: the key of the singular.
std::string KeyOfPlural(const std::string& n) {
  size_t from = 0;
  while (from < n.size()) {
    size_t space = n.find(' ', from);
    if (space == std::string::npos) space = n.size();
    static const std::pair<std::string_view, std::string_view> kEndings[] = {
        {"s", ""}, {"es", ""}, {"ies", "y"}};
    for (const auto& [plural, single] : kEndings) {
      const size_t cut = plural.size();
      if (space - from < cut + 3 || n.compare(space - cut, cut, plural) != 0) continue;
      const std::string singular = n.substr(0, space - cut) + std::string(single) + n.substr(space);
      auto it = Table().find(singular);
      if (it != Table().end()) return it->second;
    }
    from = space + 1;
  }
  return "";
}

// A fear screening's date or outcome with the outcome's kind in it ("Date
// of Negative CF Determination", "Positive CFI date", a class appendix's
// column): the label without "negative" or "positive", when that is a
// credible-fear label.
std::string KeyWithoutOutcomeKind(const std::string& n) {
  std::string without;
  size_t from = 0;
  bool dropped = false;
  while (from < n.size()) {
    size_t space = n.find(' ', from);
    if (space == std::string::npos) space = n.size();
    const std::string_view word = std::string_view(n).substr(from, space - from);
    if (word == "negative" || word == "positive" || word == "negativo" || word == "negativa" || word == "positivo" ||
        word == "positiva") {
      dropped = true;
    } else {
      without += (without.empty() ? "" : " ") + std::string(word);
    }
    from = space + 1;
  }
  if (!dropped || without.empty()) return "";
  // (The date of a determination is the determination's: "date of cf
  // determination" reads as "cf determination".)
  for (const std::string& form : {without, without.starts_with("date of ") ? without.substr(8) : std::string()}) {
    auto it = Table().find(form);
    if (it != Table().end() && it->second == "credible_fear") return it->second;
  }
  return "";
}

std::string KeyOfOne(std::string_view text) {
  std::string n = StripDecorations(NormalizeLabel(text));
  if (n.empty()) return "";
  auto it = Table().find(n);
  if (it != Table().end()) return it->second;
  if (std::string fear = KeyWithoutOutcomeKind(n); !fear.empty()) return fear;
  // A sub-item's letter after its number ("19.b. What is your current
  // I-94 Number"), tried only when the whole is no label ("A Number" is).
  if (n.size() > 2 && n[0] >= 'a' && n[0] <= 'z' && n[1] == ' ' && !(n[2] >= '0' && n[2] <= '9')) {
    it = Table().find(n.substr(2));
    if (it != Table().end()) return it->second;
  }
  // A plural marker: "given name(s)" ("given name s") is "given name".
  std::string singular;
  size_t from = 0;
  while (from < n.size()) {
    size_t space = n.find(' ', from);
    if (space == std::string::npos) space = n.size();
    const std::string_view word = std::string_view(n).substr(from, space - from);
    if (word != "s") singular += (singular.empty() ? "" : " ") + std::string(word);
    from = space + 1;
  }
  if (singular.empty()) return "";
  if (singular != n) {
    it = Table().find(singular);
    if (it != Table().end()) return it->second;
  }
  return KeyOfPlural(singular);
}

// The key every part of `text` between `separator`s is a label of ("" when
// a part is no label, or the parts' keys differ).
std::string KeyOfParts(std::string_view text, char separator) {
  std::string key;
  size_t from = 0;
  // A separator inside parentheses is a note's ("(mm/dd/yyyy)"), not one
  // between parts.
  auto next = [&](size_t i) {
    int depth = 0;
    for (; i < text.size(); ++i) {
      if (text[i] == '(') ++depth;
      if (text[i] == ')' && depth > 0) --depth;
      if (text[i] == separator && depth == 0) return i;
    }
    return text.size();
  };
  while (from <= text.size()) {
    const size_t at = next(from);
    const std::string part = KeyOfOne(text.substr(from, at - from));
    const bool blank = NormalizeLabel(text.substr(from, at - from)).empty();
    if (!blank) {
      // Where a relative was born and where they are now, in one box
      // ("City/Town and Country of Birth / Current Location"): places of
      // the person, read as an address.
      const bool places = (part == "address" || part == "birthplace") && (key == "address" || key == "birthplace");
      if (part.empty() || (!key.empty() && part != key && !places)) return "";
      key = places && part != key ? "address" : part;
    }
    from = at + 1;
  }
  return key;
}

// "name" when the first of `text`'s comma-separated parts is a name's
// label and every other part ("and" or "y" before it allowed) a label of
// that person's nationality or address; else "" ("Name, Date of Birth"
// heads two columns, not one).
std::string KeyOfNameAndParticulars(std::string_view text) {
  std::vector<std::string> parts;
  size_t from = 0;
  while (from <= text.size()) {
    size_t at = text.find(',', from);
    if (at == std::string_view::npos) at = text.size();
    std::string part = StripDecorations(NormalizeLabel(text.substr(from, at - from)));
    for (std::string_view conj : {"and ", "y "}) {
      if (part.starts_with(conj)) part.erase(0, conj.size());
    }
    if (!part.empty() && part != "if known" && part != "if any" && part != "si se conoce") parts.push_back(std::move(part));
    from = at + 1;
  }
  if (parts.size() < 2 || KeyOfOne(parts[0]) != "name") return "";
  for (size_t k = 1; k < parts.size(); ++k) {
    const std::string key = KeyOfOne(parts[k]);
    if (key != "country" && key != "address") return "";
  }
  return "name";
}

}  // namespace

std::string NormalizeLabel(std::string_view text) {
  const std::string folded = NormalizeString(text);
  std::string out;
  for (char c : folded) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '#' ||
                      static_cast<unsigned char>(c) >= 0x80;
    if (keep) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string LabelKey(std::string_view text) {
  if (text.size() > 120) return "";
  std::string key = KeyOfOne(text);
  // A bilingual label ("A-Number / Número A"), or a header naming the
  // parts of one thing ("Family name, given name(s)"): every part a label
  // of one key.
  for (char separator : {'/', ','}) {
    if (key.empty() && text.find(separator) != std::string_view::npos) key = KeyOfParts(text, separator);
  }
  // Parts set apart by a spaced slash, whose own words may hold one
  // unspaced ("City/Town and Country of Birth / Current Location").
  if (key.empty() && text.find(" / ") != std::string_view::npos) {
    std::string spaced(text);
    for (size_t i = 0; i < spaced.size(); ++i) {
      if (spaced[i] == '/' && (i == 0 || spaced[i - 1] != ' ' || i + 1 == spaced.size() || spaced[i + 1] != ' ')) {
        spaced[i] = ' ';
      }
    }
    key = KeyOfParts(spaced, '/');
  }
  // A person's name and their particulars in one box: "Father's Name,
  // Nationality, and Address, if Known" holds the name first.
  if (key.empty() && text.find(',') != std::string_view::npos) key = KeyOfNameAndParticulars(text);
  // A note in parentheses after the label: "Family Name (CAPS)", "Name
  // (as shown on passport)".
  // A group of digits alone is no note but a value: "Teléfono (505)".
  if (key.empty() && text.find('(') != std::string_view::npos) {
    std::string bare, group;
    int depth = 0;
    bool digits_only = false;
    for (char c : text) {
      if (c == '(' && depth++ == 0) group.clear();
      if (depth == 0) bare.push_back(c);
      if (depth > 0) group.push_back(c);
      if (c == ')' && depth > 0 && --depth == 0) {
        digits_only |= std::none_of(group.begin(), group.end(), [](char g) {
          return (g >= 'a' && g <= 'z') || (g >= 'A' && g <= 'Z') || static_cast<unsigned char>(g) >= 0x80;
        });
      }
    }
    if (!digits_only && bare.size() < text.size() && !NormalizeLabel(bare).empty()) key = KeyOfOne(bare);
  }
  return key;
}

std::string LabelKeyBeforeColon(std::string_view text, size_t* label_end) {
  // The first colon only: a label is short and comes first.
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 80) return "";
  std::string key = LabelKey(text.substr(0, colon));
  // Items a line sets apart with bars: the label is the last one's ("Week
  // of 09/15/2025 | Prepared by: …").
  if (const size_t bar = text.substr(0, colon).rfind('|'); key.empty() && bar != std::string_view::npos) {
    key = LabelKey(text.substr(bar + 1, colon - bar - 1));
  }
  if (!key.empty()) *label_end = colon + 1;
  return key;
}

std::string QuestionKey(std::string_view asked) {
  std::string n = NormalizeLabel(asked);
  for (std::string_view cut : {" in ", " at ", " en ", " when ", " before ", " after "}) {
    if (const size_t at = n.find(cut); at != std::string::npos) n.erase(at);
  }
  if (std::string key = LabelKey(n); !key.empty()) return key;
  // Its last three, two or one words: "true and complete name".
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < n.size(); ++i) {
    if (n[i] == ' ') starts.push_back(i + 1);
  }
  for (size_t words = 3; words >= 1; --words) {
    if (starts.size() < words) continue;
    if (std::string key = LabelKey(n.substr(starts[starts.size() - words])); !key.empty() && !IsColumnOnlyLabel(n.substr(starts[starts.size() - words]))) {
      return key;
    }
  }
  return "";
}

bool IsColumnOnlyLabel(std::string_view text) {
  static const char* const kGeneral[] = {"outcome", "decision", "determination", "resultado",
                                         "result", "results", "interview date",
                                         "cfi", "#", "no", "number", "row", "item", "date",
                                         "fecha", "location", "alias", "detainee", "applicant",
                                         "respondent", "respondents", "respondent(s)",
                                         "class member", "names", "residence", "mobile"};
  const std::string n = StripDecorations(NormalizeLabel(text));
  return std::any_of(std::begin(kGeneral), std::end(kGeneral),
                     [&](const char* k) { return n == k; });
}

bool IsProtectedLabelKey(std::string_view key) {
  static const char* const kProtected[] = {"name", "a_number", "dob", "credible_fear",
                                           "receipt_number", "phone", "address", "email",
                                           "ssn", "agency_number", "birthplace"};
  return std::any_of(std::begin(kProtected), std::end(kProtected),
                     [&](const char* k) { return key == k; });
}

}  // namespace redact
