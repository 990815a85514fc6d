//! Cue words of English news writing, in one place: honorifics, posts,
//! reporting verbs, post modifiers. Lists, not rules: the rules that use
//! them live in the extractor files.

/// Honorifics and titles written before a name (matched case-insensitively,
/// longest first). The second item is the canonical form kept as
/// `schema:honorificPrefix`; the third, a gender when the title gives one.
pub const HONORIFICS: &[(&str, &str, Option<Gender>)] = &[
    ("the rt rev", "Rt Rev", None),
    ("the right reverend", "Rt Rev", None),
    ("the rt hon", "Rt Hon", None),
    ("the right honourable", "Rt Hon", None),
    ("the rev", "Rev", None),
    ("the reverend", "Rev", None),
    ("rt rev", "Rt Rev", None),
    ("right reverend", "Rt Rev", None),
    ("rt hon", "Rt Hon", None),
    ("councillors", "Councillor", None),
    ("councillor", "Councillor", None),
    ("councilor", "Councillor", None),
    ("cllr.", "Cllr", None),
    ("cllr", "Cllr", None),
    ("coun.", "Coun", None),
    ("coun", "Coun", None),
    ("mrs.", "Mrs", Some(Gender::Female)),
    ("mrs", "Mrs", Some(Gender::Female)),
    ("ms.", "Ms", Some(Gender::Female)),
    ("ms", "Ms", Some(Gender::Female)),
    ("miss", "Miss", Some(Gender::Female)),
    ("mr.", "Mr", Some(Gender::Male)),
    ("mr", "Mr", Some(Gender::Male)),
    ("dr.", "Dr", None),
    ("dr", "Dr", None),
    ("professor", "Professor", None),
    ("prof.", "Prof", None),
    ("prof", "Prof", None),
    ("sir", "Sir", Some(Gender::Male)),
    ("dame", "Dame", Some(Gender::Female)),
    ("lord", "Lord", Some(Gender::Male)),
    ("lady", "Lady", Some(Gender::Female)),
    ("baroness", "Baroness", Some(Gender::Female)),
    ("baron", "Baron", Some(Gender::Male)),
    ("reverend", "Rev", None),
    ("rev.", "Rev", None),
    ("rev", "Rev", None),
    ("revd", "Rev", None),
    ("canon", "Canon", None),
    ("father", "Father", Some(Gender::Male)),
];

/// Honorifics that make the holder a councillor.
pub const COUNCILLOR_HONORIFICS: &[&str] = &["Councillor", "Cllr", "Coun"];

/// A person's grammatical gender, from a title or a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// Post heads (lower case; multiword heads first so the longest wins).
/// Acronyms (MP, MEP) are matched in capitals only, see [`ACRONYM_HEADS`].
pub const HEADS: &[&str] = &[
    "director of children's services",
    "director of children’s services",
    "director of children's social care",
    "cabinet member",
    "portfolio holder",
    "executive member",
    "lead member",
    "chief executive officer",
    "chief executive",
    "chief exec",
    "deputy leader",
    "group leader",
    "opposition leader",
    "leader",
    "councillors",
    "councillor",
    "chief whip",
    "whip",
    "lord mayor",
    "deputy mayor",
    "mayor",
    "vice-chairman",
    "vice-chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "commissioner",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "archbishop",
    "bishop",
    "secretary of state",
    "secretary",
    "minister",
    "headteacher",
    "head teacher",
    "head",
    "chief constable",
    "chief inspector",
    "monitoring officer",
    "managing director",
    "director",
    "ombudsman",
    "president",
    "founder",
    "campaigner",
    "trustee",
];

/// Heads written as capitalised acronyms.
pub const ACRONYM_HEADS: &[&str] = &["MP", "MPs", "MEP", "MEPs", "MSP", "AM", "MS"];

/// Heads whose holder sits on a council.
pub const COUNCILLOR_HEADS: &[&str] = &[
    "councillor", "councillors", "cabinet member", "portfolio holder", "executive member", "lead member",
];

/// Heads of political posts: a party word before them is the holder's party.
pub const POLITICAL_HEADS: &[&str] = &[
    "councillor", "councillors", "cabinet member", "portfolio holder", "executive member", "lead member", "leader",
    "deputy leader", "group leader", "opposition leader", "mayor", "whip", "chief whip", "spokesman", "spokeswoman",
    "spokesperson", "MP", "MPs", "MEP", "MEPs", "MSP", "AM", "MS", "minister", "secretary", "secretary of state",
];

/// Words before a post that say when it was held.
pub const FORMER_MODIFIERS: &[&str] = &["former", "ex", "ex-", "previous", "then", "outgoing", "one-time", "erstwhile"];

/// Words before a post that are dropped from its label.
pub const MODIFIERS: &[&str] = &[
    "current", "new", "newly-appointed", "newly", "appointed", "top", "senior", "veteran", "longstanding",
    "long-standing", "long-serving", "incoming", "independent", "permanent", "local", "respected",
];

/// Words before a post that stay in its label.
pub const LABEL_MODIFIERS: &[&str] = &["deputy", "interim", "acting", "shadow", "assistant", "joint", "vice", "co-"];

/// Lower-case nouns that may stand before a post head ("council leader",
/// "community council spokesman").
pub const QUALIFIER_NOUNS: &[&str] = &[
    "council", "authority", "county", "borough", "city", "district", "group", "party", "ward", "town", "parish",
    "children's", "children’s", "community", "education", "health", "social", "care", "government", "trust",
    "cabinet", "labour", "conservative", "local", "opposition", "finance", "housing", "safeguarding", "services",
    "committee", "scrutiny", "panel", "board",
];

/// Reporting verbs: what introduces or follows a quotation.
pub const REPORTING_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "added", "adds", "adding", "told", "tells", "telling", "stated", "states",
    "stating", "explained", "explains", "warned", "warns", "warning", "admitted", "admits", "insisted", "insists",
    "claimed", "claims", "commented", "comments", "continued", "continues", "responded", "responds", "replied",
    "replies", "argued", "argues", "argue", "acknowledged", "acknowledges", "highlighted", "highlights",
    "highlight", "criticised", "criticises", "criticized", "criticizes", "described", "describes", "found",
    "finds", "concluded", "concludes", "noted", "notes", "reported", "reports", "revealed", "reveals", "wrote",
    "writes", "stressed", "stresses", "declared", "declares", "urged", "urges", "demanded", "demands", "branded",
    "brands", "confirmed", "confirms", "suggested", "suggests", "announced", "announces", "vowed", "vows",
    "pledged", "pledges", "promised", "promises", "apologised", "apologises", "remarked", "observed", "observes",
    "recalled", "recalls", "accepted", "accepts", "believes", "believed", "feels", "felt", "called", "calls",
    "praised", "praises", "welcomed", "welcomes", "maintained", "maintains", "blasted", "slammed", "hit out",
    "quoted", "concedes", "conceded",
];

/// Reporting verbs that may follow a quotation: `"…," she said.`
pub const POST_VERBS: &[&str] = &[
    "said", "says", "added", "adds", "told", "tells", "stated", "states", "wrote", "writes", "explained",
    "explains", "continued", "continues", "insisted", "insists", "warned", "warns", "admitted", "admits",
    "claimed", "claims", "commented", "comments", "concluded", "concludes", "argued", "argues", "replied",
    "replies", "recalled", "recalls", "stressed", "stresses", "declared", "declares", "reported", "reports",
    "notes", "noted", "warn", "say", "add", "claim", "state", "conceded", "concedes", "asked", "asks",
];

/// Capitalised words that never start or belong to a person's name.
pub const NOT_NAME_WORDS: &[&str] = &[
    "The", "A", "An", "And", "But", "Or", "Of", "In", "On", "At", "For", "To", "By", "With", "From", "As", "It",
    "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those", "His", "Her", "Their", "Our", "My",
    "Its", "If", "When", "While", "After", "Before", "Since", "Council", "Councils", "Borough", "County", "City",
    "District", "Metropolitan", "Trust", "Board", "Party", "Department", "Association", "Group", "Services",
    "Service", "Office", "Committee", "Agency", "Authority", "Government", "Children", "Children's", "Children’s",
    "News", "Union", "University", "College", "School", "Academy", "Hospital", "Police", "Parliament", "Commons",
    "Lords", "Court", "Tribunal", "Labour", "Conservative", "Conservatives", "Tory", "Tories", "Democrats",
    "Democrat", "Liberal", "Green", "Greens", "Reform", "Independent", "Ofsted", "Street", "Road", "Avenue",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Secretary", "Minister", "Commissioner", "Leader", "Mayor", "Councillor", "Cllr", "MP", "MEP", "Chief",
    "Executive", "Director", "Chairman", "Chair", "Bishop", "Report", "Inspection", "Inspectors", "Improvement",
    "Panel", "Cabinet", "Scrutiny", "Care", "Social", "Education", "Health", "Family", "Families", "Home",
    "Local", "National", "Royal", "Ward", "West", "East", "North", "South", "Midlands", "England", "Britain",
    "British", "English", "UK", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "Rt", "Rev", "Hon",
    "Yesterday", "Today", "Tomorrow", "Last", "Next", "Now", "Then", "There", "Here", "What", "Why", "How",
    "Who", "Where", "Which", "Opposition", "Senior", "Former", "New", "Top", "Some", "Many", "All", "Every",
    "Sunday's", "BBC", "ITV", "Sky", "Politics", "Show", "Live", "Online", "Times", "Post", "Mail", "Express",
    "Star", "Echo", "Gazette", "Herald", "Mirror", "Telegraph", "Guardian", "Observer", "Independent's",
];
