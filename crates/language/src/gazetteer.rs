//! Small curated word lists the mention finder relies on.
//!
//! Where they come from: every list here was written by hand for Parallax. Countries follow
//! the ISO 3166-1 short English names (a subset plus common short forms), demonyms follow the
//! same countries, given names are frequent English, Russian, Arabic and European first names
//! as they appear in international news (with the transliteration variants news uses), and
//! titles, role words and organisation words are the ones wire style guides (AP, Reuters)
//! use before or after names. Lists are lowercase; lookups lowercase first.

use parallax_core::EntityKind;

/// Grammatical gender a name or title implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// He / him / his.
    Male,
    /// She / her.
    Female,
}

/// Countries, regions and major cities (lowercase).
#[rustfmt::skip]
pub const PLACES: &[&str] = &[
    "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil",
    "britain", "bulgaria", "cambodia", "canada", "chile", "china", "colombia", "croatia", "cuba",
    "cyprus", "czech republic", "denmark", "egypt", "estonia", "ethiopia", "europe", "finland",
    "france", "georgia", "germany", "greece", "hungary", "iceland", "india", "indonesia", "iran",
    "iraq", "ireland", "israel", "italy", "japan", "jordan", "kazakhstan", "kenya", "kosovo",
    "kuwait", "kyrgyzstan", "latvia", "lebanon", "libya", "lithuania", "malaysia", "mexico",
    "moldova", "mongolia", "morocco", "netherlands", "new zealand", "nigeria", "north korea",
    "norway", "oman", "pakistan", "palestine", "peru", "philippines", "poland", "portugal", "qatar",
    "romania", "russia", "saudi arabia", "serbia", "singapore", "slovakia", "somalia",
    "south africa", "south korea", "spain", "sudan", "sweden", "switzerland", "syria", "taiwan",
    "tajikistan", "thailand", "tunisia", "turkey", "turkmenistan", "ukraine", "united kingdom",
    "united states", "united states of america", "america", "uzbekistan", "venezuela", "vietnam",
    "yemen", "crimea", "donbass", "chechnya", "gaza", "west bank", "kurdistan", "middle east",
    "near east", "asia", "africa", "latin america", "balkans", "caucasus", "moscow", "washington",
    "london", "paris", "berlin", "beijing", "tokyo", "damascus", "aleppo", "homs", "latakia",
    "tartus", "baghdad", "tehran", "ankara", "istanbul", "kiev", "kyiv", "minsk", "brussels",
    "geneva", "vienna", "new york", "cairo", "riyadh", "doha", "beirut", "jerusalem", "tel aviv",
    "raqqa", "palmyra", "idlib", "hama", "mosul", "kabul", "sochi", "st. petersburg", "rome",
    "madrid", "warsaw", "new delhi", "islamabad", "amman", "ground zero", "hawaii", "texas",
    "california", "florida", "ohio", "pennsylvania", "virginia", "iowa", "michigan", "wisconsin",
    "arizona", "nevada", "colorado", "carolina", "north carolina", "new hampshire", "charlotte",
    "chicago", "boston", "los angeles",
    // The remaining US states and countries, so "Senator X of Oregon" finds its place.
    "alabama", "alaska", "arkansas", "connecticut", "delaware", "idaho", "illinois", "indiana",
    "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "new jersey", "new mexico", "north dakota",
    "oklahoma", "oregon", "rhode island", "south carolina", "south dakota", "tennessee", "utah",
    "vermont", "west virginia", "wyoming", "ecuador", "guatemala", "honduras", "el salvador",
    "nicaragua", "panama", "costa rica", "haiti", "jamaica", "dominican republic", "paraguay",
    "uruguay", "ghana", "senegal", "mali", "niger", "chad", "cameroon", "uganda", "tanzania",
    "rwanda", "zimbabwe", "zambia", "angola", "mozambique", "congo", "eritrea", "djibouti",
    "madagascar", "sri lanka", "nepal", "myanmar", "burma", "laos", "macedonia",
    "north macedonia", "slovenia", "montenegro", "luxembourg", "malta", "south sudan", "bhutan",
    "fiji", "mauritania", "botswana", "namibia", "burundi", "sierra leone", "liberia", "guinea",
    "ivory coast", "benin", "togo", "gabon", "somaliland", "scotland", "wales",
    "northern ireland", "england",
];

/// Nationality adjectives (lowercase), used in roles ("the Russian leader").
#[rustfmt::skip]
pub const DEMONYMS: &[&str] = &[
    "american", "russian", "syrian", "british", "french", "german", "chinese", "iranian", "iraqi",
    "turkish", "israeli", "palestinian", "ukrainian", "saudi", "egyptian", "jordanian", "lebanese",
    "kurdish", "european", "western", "arab", "japanese", "indian", "pakistani", "afghan",
    "italian", "spanish", "polish", "qatari", "emirati", "libyan", "yemeni", "canadian",
    "australian", "mexican", "korean", "north korean", "south korean", "belarusian", "georgian",
    "armenian", "chechen", "u.s.", "us", "un", "u.n.", "eu", "nato", "kremlin", "pentagon",
    "white house", "state department", "democratic", "republican", "gop",
];

/// Titles written before a name ("President", "Mr.", "Foreign Minister"); lowercase.
/// Multi-word titles are matched word by word by the mention finder.
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "president", "vice president", "prime minister", "minister", "foreign minister",
    "defense minister", "defence minister", "secretary", "secretary of state", "secretary-general",
    "secretary general", "chancellor", "king", "queen", "prince", "princess", "sheikh", "emir",
    "pope", "ayatollah", "general", "gen.", "lt.", "col.", "colonel", "major", "captain", "admiral",
    "sen.", "senator", "rep.", "representative", "gov.", "governor", "mayor", "judge", "justice",
    "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "press secretary",
    "chairman", "chairwoman", "director", "commander", "chief", "leader", "mr.", "mrs.", "ms.",
    "dr.", "mr", "mrs", "ms", "dr", "prof.", "professor", "rev.", "sir", "dame", "lord", "speaker",
    "deputy", "adviser", "advisor", "analyst", "researcher", "host", "anchor", "correspondent",
    "official", "premier", "dictator", "strongman", "candidate", "nominee", "mogul", "ceo",
    "founder", "skipper", "pensioner", "grower", "farmer", "fisherman", "teacher", "nurse",
    "student", "shopkeeper", "resident", "worker", "driver", "commissioner", "superintendent",
    "inspector", "sheriff", "prosecutor", "attorney general", "attorney", "lawyer", "councillor",
    "councilman", "councilwoman", "congressman", "congresswoman", "assemblyman",
    "assemblywoman", "lawmaker", "coach", "manager", "bishop", "archbishop", "cardinal", "rabbi",
    "imam", "lieutenant", "sergeant", "detective", "constable", "marshal", "economist",
    "president-elect", "treasurer", "comptroller", "chief executive", "executive", "actor",
    "actress", "singer", "rapper", "comedian", "filmmaker", "producer", "novelist", "author",
    "writer", "journalist", "reporter", "columnist", "artist", "musician", "designer",
    "sgt.", "sgt", "cpl.", "pvt.", "capt.", "lt", "maj.", "adm.", "supt.", "det.",
];

/// Head nouns of role descriptions ("the Russian leader", "Kremlin spokesman"); lowercase.
#[rustfmt::skip]
pub const ROLE_HEADS: &[&str] = &[
    "president", "leader", "premier", "prime minister", "minister", "spokesman", "spokeswoman",
    "spokesperson", "secretary", "chancellor", "king", "queen", "emir", "ambassador", "envoy",
    "diplomat", "general", "commander", "governor", "mayor", "senator", "host", "researcher",
    "analyst", "official", "adviser", "advisor", "chief", "director", "chairman", "head",
    "dictator", "strongman", "candidate", "nominee", "expert", "source", "presidency", "ministry",
    "government", "administration", "army", "military", "campaign", "negotiator",
];

/// Plural nouns that name anonymous or collective sources; each becomes a group entity.
#[rustfmt::skip]
pub const GROUP_HEADS: &[&str] = &[
    "analysts", "governments", "countries", "officials", "experts", "sources", "diplomats",
    "officers", "observers", "critics", "residents", "witnesses", "activists", "rebels",
    "militants", "lawmakers", "legislators", "investigators", "researchers", "scientists",
    "authorities", "leaders", "spokesmen", "voters", "supporters", "protesters", "aides",
    "advisers", "economists", "commentators", "insiders", "people", "democrats", "republicans",
    "pollsters", "advisors", "commandos", "troops", "soldiers", "marines",
];

/// Words that make a capitalised phrase an organisation ("Washington Institute").
#[rustfmt::skip]
pub const ORG_WORDS: &[&str] = &[
    "institute", "ministry", "party", "council", "university", "times", "news", "post", "agency",
    "army", "assembly", "nations", "union", "coalition", "government", "company", "corp", "corp.",
    "inc", "inc.", "ltd", "group", "bank", "committee", "commission", "department", "office",
    "service", "services", "forces", "force", "navy", "parliament", "duma", "congress", "senate",
    "court", "foundation", "association", "organization", "organisation", "federation", "center",
    "centre", "kremlin", "pentagon", "house", "journal", "tribune", "press", "network", "channel",
    "tv", "radio", "reuters", "tass", "cbs", "bbc", "cnn", "nbc", "abc", "fox", "msnbc", "afp",
    "ap", "ria", "sputnik", "interfax", "rt", "guardian", "telegraph", "herald", "gazette", "daily",
    "weekly", "magazine", "brigade", "battalion", "front", "movement", "alliance", "league",
    "board", "bureau", "presidency", "administration", "embassy", "police", "guard", "nypd", "fbi",
    "cia", "college", "school", "academy", "hospital", "clinic", "church", "team", "club",
    "airlines", "airways", "motors", "systems", "partners", "holdings", "enterprises", "studios",
    "pictures", "records", "institution", "authority", "commissioner's", "cooperative", "co",
    "co.", "llc", "plc", "gmbh", "firm", "museum", "library", "lab", "laboratory", "laboratories",
    "elementary", "tech", "dispatch", "rescue",
];

/// Last words that make a capitalised phrase a place ("Ostrel River", "Grey Sound",
/// "Lower Quay"); lowercase, from the feature names of gazetteers such as GeoNames.
#[rustfmt::skip]
pub const PLACE_HEADS: &[&str] = &[
    "river", "sea", "sound", "lake", "bay", "gulf", "strait", "straits", "ocean", "island",
    "islands", "mountain", "mountains", "hills", "valley", "coast", "peninsula", "desert",
    "forest", "canal", "dam", "bridge", "street", "avenue", "road", "square", "quay", "harbour",
    "harbor", "port", "province", "district", "region", "county", "state", "city", "town",
    "village", "heights", "plain", "plains", "delta", "basin", "airport", "park", "ave", "ave.",
    "aves", "st", "st.", "rd", "rd.", "blvd", "blvd.", "boulevard", "lane", "drive", "terrace", "highway",
    "parkway", "expressway", "freeway", "plaza", "beach", "falls", "springs", "creek", "canyon",
    "isles", "peak", "ridge", "neighborhood", "neighbourhood", "borough", "township",
    "parish", "prefecture", "oblast", "territory", "territories", "station",
];

/// Last words that make a capitalised phrase a thing, not a person ("Ostrel Water Accord",
/// "Paris Agreement", "Geneva Convention"); lowercase.
#[rustfmt::skip]
pub const THING_HEADS: &[&str] = &[
    "accord", "accords", "agreement", "treaty", "pact", "convention", "protocol", "act", "bill",
    "law", "plan", "summit", "conference", "talks", "war", "crisis", "deal", "prize", "award",
    "cup", "games", "festival", "day", "week", "charter", "declaration", "initiative", "program",
    "programme", "project", "report", "index", "medal", "paper", "amendment", "order",
    "rule", "code", "trophy", "championship", "series", "tournament", "olympics", "album", "film",
    "movie", "show", "book", "novel", "song",
];

/// Known armed or political groups and their name variants (lowercase).
#[rustfmt::skip]
pub const GROUP_NAMES: &[&str] = &[
    "al qaeda", "al-qaeda", "al-qaida", "al qaida", "taliban", "hezbollah", "hamas", "al-nusra",
    "nusra front", "free syrian army", "kurds", "peshmerga", "ypg",
];

/// Aliases that name the same thing; the first of each row is canonical.
#[rustfmt::skip]
pub const ALIAS_ROWS: &[&[&str]] = &[
    &["Islamic State", "ISIL", "ISIS", "IS", "Daesh", "Daish", "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria", "Islamic State group"],
    &["United States", "U.S.", "US", "USA", "U.S.A.", "United States of America", "America", "the States"],
    &["United Nations", "UN", "U.N.", "UNO"],
    &["European Union", "EU", "E.U."],
    &["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    &["Russia", "Russian Federation"],
    &["NATO", "North Atlantic Treaty Organization", "Nato"],
    &["Al Qaeda", "al-Qaeda", "al-Qaida", "Al-Qaeda", "al Qaeda", "Al Qaida"],
    &["Central Intelligence Agency", "CIA"],
    &["Federal Bureau of Investigation", "FBI"],
    &["UN General Assembly", "UN Assembly", "UNGA", "General Assembly", "United Nations General Assembly"],
    &["Free Syrian Army", "FSA"],
    &["Democratic Party", "Democrats"],
    &["Republican Party", "GOP", "Republicans"],
    &["New York Police Department", "NYPD"],
    &["BBC", "British Broadcasting Corporation"],
];

/// Given names with the gender they usually carry (lowercase, with news transliterations).
#[rustfmt::skip]
pub const GIVEN_NAMES: &[(&str, Gender)] = &[
    ("vladimir", Gender::Male), ("dmitry", Gender::Male), ("dmitri", Gender::Male),
    ("sergey", Gender::Male), ("sergei", Gender::Male), ("barack", Gender::Male),
    ("bashar", Gender::Male), ("bashir", Gender::Male), ("john", Gender::Male),
    ("donald", Gender::Male), ("hillary", Gender::Female), ("angela", Gender::Female),
    ("francois", Gender::Male), ("françois", Gender::Male), ("david", Gender::Male),
    ("stephen", Gender::Male), ("steven", Gender::Male), ("bruce", Gender::Male),
    ("anna", Gender::Female), ("maria", Gender::Female), ("mikhail", Gender::Male),
    ("alexander", Gender::Male), ("alexei", Gender::Male), ("alexey", Gender::Male),
    ("recep", Gender::Male), ("benjamin", Gender::Male), ("ashton", Gender::Male),
    ("ash", Gender::Male), ("ban", Gender::Male), ("hassan", Gender::Male), ("ali", Gender::Male),
    ("mohammad", Gender::Male), ("mohammed", Gender::Male), ("muhammad", Gender::Male),
    ("ahmed", Gender::Male), ("ahmad", Gender::Male), ("abu", Gender::Male),
    ("walid", Gender::Male), ("michael", Gender::Male), ("james", Gender::Male),
    ("robert", Gender::Male), ("william", Gender::Male), ("bill", Gender::Male),
    ("richard", Gender::Male), ("joseph", Gender::Male), ("joe", Gender::Male),
    ("thomas", Gender::Male), ("charles", Gender::Male), ("mark", Gender::Male),
    ("paul", Gender::Male), ("peter", Gender::Male), ("george", Gender::Male),
    ("mike", Gender::Male), ("tim", Gender::Male), ("ted", Gender::Male), ("marco", Gender::Male),
    ("jeb", Gender::Male), ("chris", Gender::Male), ("bernie", Gender::Male),
    ("mitt", Gender::Male), ("rudy", Gender::Male), ("newt", Gender::Male), ("ivan", Gender::Male),
    ("nikolai", Gender::Male), ("yuri", Gender::Male), ("viktor", Gender::Male),
    ("victor", Gender::Male), ("igor", Gender::Male), ("andrei", Gender::Male),
    ("andrey", Gender::Male), ("petro", Gender::Male), ("arseniy", Gender::Male),
    ("emmanuel", Gender::Male), ("xi", Gender::Male), ("samantha", Gender::Female),
    ("susan", Gender::Female), ("mary", Gender::Female), ("elizabeth", Gender::Female),
    ("jennifer", Gender::Female), ("sarah", Gender::Female), ("laura", Gender::Female),
    ("linda", Gender::Female), ("karen", Gender::Female), ("nancy", Gender::Female),
    ("lisa", Gender::Female), ("emily", Gender::Female), ("michelle", Gender::Female),
    ("melania", Gender::Female), ("ivanka", Gender::Female), ("kellyanne", Gender::Female),
    ("chelsea", Gender::Female), ("huma", Gender::Female), ("elena", Gender::Female),
    ("olga", Gender::Female), ("natalia", Gender::Female), ("tatiana", Gender::Female),
    ("irina", Gender::Female), ("yulia", Gender::Female), ("theresa", Gender::Female),
    ("federica", Gender::Female), ("catherine", Gender::Female), ("jane", Gender::Female),
    ("kate", Gender::Female), ("athena", Gender::Female), ("marine", Gender::Female),
    ("nikki", Gender::Female), ("carly", Gender::Female), ("jill", Gender::Female),
    ("tim", Gender::Male), ("mike", Gender::Male), ("kevin", Gender::Male), ("brian", Gender::Male),
    ("daniel", Gender::Male), ("eric", Gender::Male), ("jim", Gender::Male),
    ("andrew", Gender::Male), ("jason", Gender::Male), ("scott", Gender::Male),
    ("ryan", Gender::Male), ("paul", Gender::Male), ("rex", Gender::Male), ("sean", Gender::Male),
    ("steve", Gender::Male),
];

/// Capitalised words that start sentences or headlines but never start a name (lowercase;
/// month and weekday names come from `parallax_core::calendar`).
#[rustfmt::skip]
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you",
    "his", "her", "its", "their", "our", "my", "your", "but", "and", "or", "so", "yet", "in", "on",
    "at", "for", "from", "to", "of", "by", "with", "as", "after", "before", "when", "while", "if",
    "since", "until", "because", "although", "though", "also", "however", "meanwhile", "there",
    "here", "what", "who", "which", "where", "why", "how", "all", "some", "many", "most", "no",
    "not", "one", "two", "three", "both", "each", "every", "such", "then", "now", "still", "even",
    "just", "only", "last", "next", "first", "new", "according", "read", "follow", "about", "more",
    "other", "another", "unfortunately", "elsewhere", "instead", "moreover", "yes", "well", "like",
    "is", "was", "are", "were", "will", "would", "could", "should", "may", "might", "can", "do",
    "does", "did", "has", "have", "had", "be", "said", "says", "jan.", "feb.", "aug.",
    "sept.", "oct.", "nov.", "dec.", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "attention",
    "connect", "good", "top", "photo", "image", "video", "share", "comment", "comments",
    "advertisement", "related", "sign", "subscribe", "click", "see", "during", "despite", "amid",
    "among", "into", "over", "under", "without", "within", "against", "between", "through", "thus",
    "therefore", "indeed", "perhaps", "whether", "again", "already", "earlier", "later", "today",
    "yesterday", "tomorrow", "asked", "speaking", "addressing", "describing", "calling", "saying",
    "noting", "adding", "let", "let's", "please", "thank", "thanks", "dear", "oh", "o", "mr", "ms",
    "mrs", "nobody", "somebody", "everybody", "anybody", "everyone", "someone", "anyone",
    "nothing", "something", "everything", "anything", "several", "few", "any", "various",
    "numerous", "dozens", "hundreds", "thousands", "millions", "across", "following",
    "around", "toward", "towards", "throughout", "onto", "via", "unlike", "besides",
    "alongside", "regarding", "concerning", "including", "unless", "whereas", "nor",
    "neither", "almost", "nearly", "plus", "having", "being", "making", "taking", "getting",
    "giving", "going", "coming", "leaving", "citing", "quoting", "responding", "referring",
    "pointing", "arguing", "insisting", "warning", "explaining", "announcing", "defending",
    // Time zones after a clock time ("10:30 a.m. IST").
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
    "ist", "msk", "aest", "jst",
];

/// Personal pronouns that can refer to a speaker, with their gender (None: plural or unknown).
pub const PRONOUNS: &[(&str, Option<Gender>)] = &[
    ("he", Some(Gender::Male)),
    ("him", Some(Gender::Male)),
    ("his", Some(Gender::Male)),
    ("she", Some(Gender::Female)),
    ("her", Some(Gender::Female)),
    ("they", None),
    ("them", None),
];

/// True when `lower` is in `list`.
pub fn contains(list: &[&str], lower: &str) -> bool {
    list.contains(&lower)
}

/// The gender a given name carries, if the list knows it.
pub fn given_name_gender(lower: &str) -> Option<Gender> {
    GIVEN_NAMES
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, g)| *g)
}

/// The gender a title implies ("Mrs." → female); `None` for neutral titles.
pub fn title_gender(lower: &str) -> Option<Gender> {
    match lower.trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" | "sheikh" | "emir" | "pope" | "spokesman"
        | "chairman" => Some(Gender::Male),
        "mrs" | "ms" | "dame" | "queen" | "princess" | "spokeswoman" | "chairwoman" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// True for a lowercase word shaped like a nationality adjective the list lacks
/// ("valdorian", "kestrian", "togolese"): the usual English demonym endings.
pub fn demonym_shaped(lower: &str) -> bool {
    lower.chars().count() > 5
        && lower.chars().all(char::is_alphabetic)
        && ["ian", "ean", "ese", "ish"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// The canonical name of an alias row holding `name`, compared case-sensitively for short
/// acronyms ("IS" is not "is") and case-insensitively otherwise.
pub fn canonical_alias(name: &str) -> Option<&'static str> {
    let stripped = name.strip_prefix("the ").unwrap_or(name);
    ALIAS_ROWS.iter().find_map(|row| {
        row.iter()
            .any(|a| {
                if a.len() <= 3 {
                    *a == stripped
                } else {
                    a.eq_ignore_ascii_case(stripped)
                }
            })
            .then_some(row[0])
    })
}

/// The kind a gazetteer gives a lowercase name, if any.
pub fn kind_of_name(lower: &str) -> Option<EntityKind> {
    if contains(PLACES, lower) || contains(PLACES, lower.trim_start_matches("the ")) {
        return Some(EntityKind::Place);
    }
    if contains(GROUP_NAMES, lower)
        || lower.contains("islamic state")
        || lower == "isis"
        || lower == "isil"
        || lower == "daesh"
    {
        return Some(EntityKind::Group);
    }
    None
}

/// Word class bits of one lowercase word, looked up once per token.
pub mod class {
    /// Place name.
    pub const PLACE: u32 = 1;
    /// Nationality adjective or government shorthand.
    pub const DEMONYM: u32 = 2;
    /// Title before a name.
    pub const TITLE: u32 = 4;
    /// Head noun of a role description.
    pub const ROLE_HEAD: u32 = 8;
    /// Plural collective source.
    pub const GROUP_HEAD: u32 = 16;
    /// Organisation word.
    pub const ORG: u32 = 32;
    /// Never starts a name.
    pub const NOT_NAME: u32 = 64;
    /// Known given name.
    pub const GIVEN: u32 = 128;
}

/// All single-word lists folded into one hash map from lowercase word to class bits.
pub fn word_class(lower: &str) -> u32 {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: HashMap<&'static str, u32> = HashMap::new();
        let lists: [(&[&'static str], u32); 7] = [
            (PLACES, class::PLACE),
            (DEMONYMS, class::DEMONYM),
            (TITLES, class::TITLE),
            (ROLE_HEADS, class::ROLE_HEAD),
            (GROUP_HEADS, class::GROUP_HEAD),
            (ORG_WORDS, class::ORG),
            (NOT_NAMES, class::NOT_NAME),
        ];
        for (list, bit) in lists {
            for w in list {
                *t.entry(w).or_default() |= bit;
                // "Sen." is tokenised as "Sen" and "."; titles match either way.
                if let Some(bare) = w.strip_suffix('.') {
                    *t.entry(bare).or_default() |= bit;
                }
            }
        }
        // Month and weekday names start sentences and datelines, never names.
        for w in parallax_core::calendar::MONTHS
            .iter()
            .chain(parallax_core::calendar::WEEKDAYS.iter())
        {
            *t.entry(w).or_default() |= class::NOT_NAME;
        }
        for (w, _) in GIVEN_NAMES {
            *t.entry(w).or_default() |= class::GIVEN;
        }
        t
    });
    table.get(lower).copied().unwrap_or(0)
}
