import ProtokollModel

/// The Swedish protocol vocabulary the segmenter reads by, in one place.
///
/// Every table is data: a municipality that writes "Deltagande ledamöter" or a new decision
/// verb is one entry here, not a change to a parser. Keys are lowercased.
enum Vocabulary {
    /// Party codes as printed (lowercased, without parentheses) → national code. Historical
    /// codes map to today's parties; codes not listed are local parties, kept as printed.
    static let nationalParties: [String: String] = [
        "s": "S", "m": "M", "sd": "SD", "c": "C", "v": "V", "kd": "KD", "l": "L", "mp": "MP",
        "fp": "L", "f": "L", "folkpartiet": "L", "kds": "KD", "vpk": "V", "k": "V", "h": "M", "cp": "C", "bf": "C",
    ]

    /// Attendance headings → (group, status). A heading is matched by its start, so
    /// "Närvarande ledamöter:" and "Närvarande Samråd hälsa, vård och omsorg" both match.
    static let attendanceHeadings: [(prefix: String, group: String, status: String)] = [
        ("tjänstgörande ersättare", "substitute_serving", "present"),
        ("ej tjänstgörande ersättare", "substitute_not_serving", "present"),
        ("närvarande ersättare", "substitute_not_serving", "present"),
        ("ej beslutande", "substitute_not_serving", "present"),
        ("ersättare", "substitute_not_serving", "present"),
        ("närvarande ledamöter", "member", "present"),
        ("beslutande", "member", "present"),
        ("ledamöter", "member", "present"),
        ("anmält förhinder", "member", "excused"),
        ("förhinder", "member", "excused"),
        ("frånvarande", "member", "absent"),
        ("tjänstepersoner", "official", "present"),
        ("tjänstemän", "official", "present"),
        ("övriga närvarande", "other", "present"),
        ("övriga deltagande", "other", "present"),
        ("adjungerade", "other", "present"),
        ("sekreterare", "official", "present"),
        ("närvarande", "member", "present"),
    ]

    /// Role words in attendance entries and signature blocks → role codes.
    static let roles: [(word: String, role: String)] = [
        ("2:e vice ordförande", "vice_chair"), ("1:e vice ordförande", "vice_chair"),
        ("vice ordförande", "vice_chair"), ("ordförande", "chair"), ("ordf.", "chair"),
        ("sekreterare", "secretary"), ("justerare", "adjuster"), ("justerande", "adjuster"),
        ("ersättare", "substitute"), ("ledamot", "member"), ("adjungerad", "adjunct"),
    ]

    /// Job-title endings that mark the first word of "Ekonomichef Anders Svensson" as a title,
    /// not a given name.
    static let titleEndings = [
        "chef", "direktör", "sekreterare", "handläggare", "ledare", "strateg", "samordnare", "controller", "jurist",
        "ekonom", "utredare", "revisor", "ombudsman", "assistent", "läkare", "planerare", "arkivarie", "registrator",
    ]

    /// Phrases that name the member a serving substitute replaces ("ersätter Bo Ek (S)").
    static let substitutePhrases = [
        "tjänstgörande ersättare för", "ersättare för", "ersätter", "i stället för", "istället för",
    ]

    /// Headings that open a table of contents; what follows them lists items, it is none.
    static let tableOfContents: Set<String> = [
        "innehållsförteckning", "ärendeförteckning", "föredragningslista", "dagordning", "ärendelista", "innehåll",
    ]

    /// Decision kinds by trigger, checked in order; the first match wins. Stems, lowercased.
    static let decisionKinds: [(trigger: String, kind: String)] = [
        ("återremitt", "refer_back"), ("återremiss", "refer_back"),
        ("bordlägg", "table"), ("bordlad", "table"), ("bordläggs", "table"),
        ("anses besvarad", "answered"), ("utgår", "dropped"),
        ("avslå", "reject"), ("avslag", "reject"), ("avstyrk", "reject"),
        ("rekommendera", "recommend"),
        ("föreslå", "propose"), ("föreslår", "propose"),
        ("i uppdrag", "assign"), ("uppdra", "assign"),
        ("utse", "appoint"), ("utses", "appoint"), ("utsågs", "appoint"), ("valdes", "appoint"), ("välja", "appoint"),
        ("till protokollet", "note"), ("till handlingarna", "note"), ("informationen", "note"),
        ("noter", "note"), ("anteckn", "note"),
        ("godkän", "approve"), ("anta", "approve"), ("antogs", "approve"), ("fastställ", "approve"),
        ("bifall", "approve"),
    ]

    /// `decisionKinds`' triggers, searched together.
    static let decisionTriggers = PhraseList(decisionKinds.map(\.trigger))

    /// Passive verbs that make a plain sentence a decision when an item has no decision
    /// formula ("Dagordningen godkändes.", "Informationen tas till protokollet.").
    static let decisionSentenceVerbs = PhraseList([
        "godkändes", "godkänns", "fastställdes", "fastställs", "antogs", "antas", "beslutades", "utsågs", "utses",
        "valdes", "lades till handlingarna", "läggs till handlingarna", "tas till protokollet",
        "togs till protokollet", "bordlades", "bordläggs", "återremitterades", "noterades", "antecknades",
        " godkände ", " fastställde ", " antog ",
    ])

    /// Verbs that make the people named before them an item's presenters ("Anders Lund,
    /// ordförande PSVO informerar om …", "Emma Stahre … lämnar en statusrapport").
    static let presenterVerbs = PhraseList([
        " informerar ", " informerade ", " föredrog ", " föredrar ", " redogör ", " redogjorde ", " presenterar ",
        " presenterade ", " lämnar en statusrapport", " lämnar en rapport", " lämnar information",
    ])

    /// Words that make a sentence about what should or could happen, not what was decided.
    static let modalVerbs = PhraseList([" behöver ", " ska ", " skall ", " bör ", " kan ", " skulle ", " kommer att "])

    /// Vote list headings → vote option.
    static let voteOptions: [(label: String, option: String)] = [
        ("avstod att rösta", "abstain"), ("avstod rösta", "abstain"), ("avstår från att rösta", "abstain"),
        ("avstod", "abstain"), ("avstår", "abstain"), ("bifall", "yes"), ("avslag", "no"), ("ja", "yes"),
        ("nej", "no"), ("frånvarande", "absent"),
    ]

    /// Statement headings and phrases → statement kind.
    static let statements: [(label: String, kind: String)] = [
        ("protokollsanteckning", "protocol_note"), ("reservation", "reservation"),
        ("särskilt yttrande", "special_statement"), ("jäv", "recusal"),
    ]

    /// Signature roles as printed under signature lines.
    static let signatureRoles: [(word: String, role: String)] = [
        ("sekreterare", "secretary"), ("ordförande", "chair"), ("justerare", "adjuster"),
        ("justerande", "adjuster"), ("justeras", "adjuster"),
    ]

    static let monthNames: [String: Int] = [
        "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "augusti": 8,
        "september": 9, "oktober": 10, "november": 11, "december": 12,
    ]
}
