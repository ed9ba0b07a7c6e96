"""Word lists the fact extractor relies on: careful rules need to know a few names and words."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(word.strip().lower() for word in text.split("|") if word.strip())


MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = _words("monday|tuesday|wednesday|thursday|friday|saturday|sunday")

NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
# Ranks written as words, as in "the fifth-largest", "the second most populous".
ORDINAL_WORDS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
SCALES = _words("thousand|million|billion|trillion")

# Words before a figure that make it a bound or a guess: "more than 500" stays true at 400.
HEDGES = _words(
    "about|around|approximately|nearly|almost|roughly|some|over|under|above|below|"
    "up to|at least|at most|more than|less than|fewer than|close to|upwards of|"
    "as many as|as much as|as few as|estimated|an estimated|just over|just under|"
    "almost|only|exceeding|beyond|within|between|from|before|after|by|until|till|since|"
    "around|circa|c.|ca.|c|ca|earlier than|later than|no later than|no earlier than|"
    "as early as|as late as|or|to|and|than|nearly|minus|plus|than|exceeded|exceeds|"
    "surpassed|surpasses|topped|tops|passed|past"
)
# Hedges that make a figure a round guess, not a bound: "about 2,000 residents" is asked as
# about 2,000 against options far from it (half or double is still false), never as exact.
APPROXIMATIONS = _words(
    "about|around|approximately|roughly|some|an estimated|estimated|circa|c.|ca.|c|ca|close to|"
    "nearly|almost"
)
# Words after "and" that leave a figure open: "500 and more", "5,000 and rising".
OPEN_ENDS = _words(
    "more|over|up|upwards|above|beyond|counting|rising|growing|climbing|increasing|older|"
    "younger|later|earlier|higher|lower|less|fewer|under|below|so"
)
# Words that deny what their own clause says: "signed in 1919 but did not end the blockade"
# still dates the signing, so they doubt only the clause they stand in.
NEGATIONS = _words(
    "not|never|no|nor|neither|without|none|nobody|nothing|cannot|n't|no longer|failed|denied"
)
# Words that make the whole sentence a guess or a condition: a changed value may then be true.
DOUBTS = _words(
    "unlikely|rumoured|rumored|allegedly|reportedly|possibly|perhaps|maybe|might|may|could|"
    "if|unless|whether|false|untrue|myth|supposedly|legend|probably"
)
# Words that say someone else did the same: another name may then also be right.
SHARED = _words(
    "also|too|as well|both|among|including|such as|like|other|others|another|again|"
    "joined|along with|together|alongside|each|all|several|many|either|co-founded|"
    "co-founder|fellow|same|similar|similarly|likewise|with|included|include|includes|"
    "team|crew|group|members|member|partner|partners"
)
# Words that put an event elsewhere in time than the sentence's date ("said it will open").
REPORTED = _words(
    "said|says|say|told|tells|announced|announces|stated|states|added|adds|claimed|"
    "claims|according|reported|reports|wrote|writes|recalled|recalls|believes|believed|"
    "thinks|expects|expected|hopes|plans|planned|will|would|could|should|shall|aims|"
    "intends|promised|promises|predicted|predicts|scheduled|due|later|earlier|"
    "when|while|after|before|until|since|once|because|which|who|whom|whose|where|that"
)

STOPWORDS = _words(
    "a|an|the|and|or|but|of|to|in|on|at|by|for|with|from|as|into|onto|over|under|"
    "is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|"
    "shall|should|may|might|must|it|its|he|she|his|her|they|their|them|we|our|us|i|"
    "me|my|you|your|this|that|these|those|there|here|which|who|whom|whose|what|when|"
    "where|why|how|than|then|so|such|not|no|also|very|just|about|after|before|"
    "while|during|since|until|through|per|via|up|down|out|off|all|any|each|some|"
    "more|most|other|own|same|said|says|one|new|first|last"
)
# Capitalised words that start sentences or name things but never begin a name.
COMMON_CAPITALS = (
    STOPWORDS
    | WEEKDAYS
    | frozenset(MONTHS)
    | _words(
        "mr|mrs|ms|dr|prof|sir|dame|following|according|based|photo|meanwhile|however|"
        "today|yesterday|tomorrow|last|next|earlier|later|now|after|before|during|despite|"
        "although|because|if|while|since|once|yet|still|both|many|several|most|some|"
        "officials|experts|residents|students|teachers|scientists|researchers|police|"
        "critics|workers|engineers|visitors|people|children|parents|authorities|"
        "north|south|east|west|northern|southern|eastern|western|central|chapter|section|"
        "part|figure|table|page|volume|image|source|read|see|note|update|updated|share|"
        "breaking|news|report|reports|editorial|opinion|analysis|just|only|even|every|"
        "neither|either|nor|instead|thus|therefore|indeed|in|on|at|by|with|from|for|of|"
        "bc|bce|ad|ce"
    )
)

# Words before a name that say it is a person's ("President Kassym-Jomart Tokayev").
TITLES = _words(
    "mr|mr.|mrs|mrs.|ms|ms.|dr|dr.|prof|prof.|professor|sir|dame|lord|lady|president|"
    "vice-president|prime|minister|chancellor|senator|sen.|governor|gov.|mayor|king|"
    "queen|prince|princess|pope|general|gen.|colonel|col.|captain|capt.|lieutenant|"
    "sergeant|admiral|judge|justice|chairman|chairwoman|chair|ceo|director|secretary|"
    "ambassador|commander|cosmonaut|astronaut|engineer|coach|striker|author|writer|"
    "artist|composer|physicist|chemist|biologist|scientist|historian|architect|"
    "inventor|explorer|pilot|spokesman|spokeswoman|spokesperson|head|founder|"
    "leader|chief|manager|principal|headteacher|inspector|officer|saint|rev.|reverend|"
    "archbishop|bishop|emperor|empress|tsar|sultan|sheikh|emir|pharaoh|student|pupil|"
    "teacher|expert|doctor|nurse|farmer|player|skier|climber|sailor|astronomer|"
    "journalist|reporter|economist|analyst|official|spokesman|mathematician"
)
# Ranks said with a land, never a person's given name: "the Duke of Normandy", "Count of
# Flanders".
RANKS = _words(
    "duke|duchess|count|countess|earl|baron|baroness|marquess|marquis|viscount|archduke|"
    "archduchess|margrave|elector|grand|khan|shah|caliph|czar|tsarina|regent|dauphin|lord|lady"
)
# Verbs of saying after a name: "..., Anna Kowalski said" names a person.
SPEECH_VERBS = _words(
    "said|says|told|tells|added|adds|explained|explains|noted|notes|recalled|recalls|"
    "stated|states|announced|announces|argued|argues|wrote|writes|asked|asks|replied|"
    "warned|warns|insisted|insists|believes|believed|thinks|thought|emphasized|"
    "emphasised|stressed|praised|thanked|welcomed|criticised|criticized|urged|"
    "concluded|highlighted|expressed|confirmed|admitted|described|called|led|founded|"
    "discovered|invented|won|became|made|built|designed|wrote|found|kept|ran|"
    "painted|composed|signed|opened|launched|flew|visited|met|joined|left|died|"
    "married|studied|worked|served|received|returned|arrived|began|started|took"
)

ORG_HEADS = _words(
    "agency|company|corporation|corp|corp.|inc|inc.|ltd|ltd.|plc|group|university|"
    "institute|institution|ministry|council|committee|commission|association|bank|"
    "party|service|administration|foundation|society|union|authority|department|"
    "office|organisation|organization|federation|museum|library|hospital|school|"
    "college|academy|club|team|court|parliament|senate|congress|assembly|army|navy|"
    "force|forces|police|network|press|news|times|post|journal|gazette|tribune|"
    "herald|broadcasting|television|radio|airlines|airways|motors|industries|"
    "laboratory|laboratories|lab|labs|observatory|trust|fund|board|bureau|centre|"
    "center|consortium|alliance|league|orchestra|theatre|theater|church|cathedral"
)
PLACE_HEADS = _words(
    "city|town|village|river|lake|mountain|mountains|mount|island|islands|sea|ocean|"
    "bay|gulf|valley|province|region|county|district|state|republic|kingdom|street|"
    "square|avenue|road|bridge|park|desert|forest|peninsula|coast|strait|canal|"
    "airport|station|port|harbour|harbor|cosmodrome|spaceport|plateau|steppe|"
    "glacier|falls|canyon|hills|highlands|basin|delta|cape|reef|mt.|mt|mts.|peak|volcano|"
    "farm|ranch|plantation|manor|estate"
)

COUNTRIES = _words(
    "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|"
    "Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|"
    "Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|"
    "Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|"
    "Congo|Costa Rica|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|"
    "Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|"
    "Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|"
    "Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|"
    "Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|"
    "Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|"
    "Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|"
    "Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|"
    "Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|"
    "North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|"
    "Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|"
    "Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|"
    "Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|"
    "Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|"
    "Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|"
    "United States|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|"
    "Britain|England|Scotland|Wales|Soviet Union|USSR|Yugoslavia"
)
# The other planets, each a place asked against the others ("to explore Jupiter": not Mars);
# Earth is left out, the answer anyone gives.
PLANETS = _words("Mercury|Venus|Mars|Jupiter|Saturn|Uranus|Neptune")
COUNTRY_SHORT = ("UK", "US", "USA", "U.S.", "UAE")


def is_country(name: str) -> bool:
    """Tell whether a name is a country's ("Finland", "UK")."""
    return name in COUNTRY_SHORT or name.lower() in COUNTRIES


CITIES = _words(
    "London|Paris|Berlin|Madrid|Rome|Vienna|Warsaw|Prague|Budapest|Moscow|Kyiv|Kiev|"
    "Minsk|Riga|Vilnius|Tallinn|Helsinki|Stockholm|Oslo|Copenhagen|Dublin|Lisbon|"
    "Athens|Istanbul|Ankara|Cairo|Nairobi|Lagos|Johannesburg|Cape Town|Tokyo|Osaka|"
    "Beijing|Shanghai|Hong Kong|Seoul|Delhi|New Delhi|Mumbai|Bangkok|Jakarta|Manila|"
    "Sydney|Melbourne|Toronto|Montreal|Vancouver|New York|Washington|Chicago|Boston|"
    "Los Angeles|San Francisco|Houston|Miami|Seattle|Mexico City|Buenos Aires|"
    "Rio de Janeiro|Sao Paulo|Lima|Bogota|Santiago|Astana|Almaty|Tashkent|Bishkek|"
    "Baku|Tbilisi|Yerevan|Tehran|Baghdad|Riyadh|Dubai|Doha|Karachi|Lahore|Dhaka|"
    "Kathmandu|Ulaanbaatar|Krakow|Gdansk|Munich|Hamburg|Frankfurt|Milan|Naples|"
    "Barcelona|Valencia|Seville|Marseille|Lyon|Amsterdam|Rotterdam|Brussels|Zurich|"
    "Geneva|Edinburgh|Glasgow|Manchester|Liverpool|Birmingham|Oxford|Cambridge|"
    "Baikonur|St. Petersburg|Saint Petersburg|Novosibirsk|Kazan|Samarkand|Bukhara|Odesa|"
    "Lviv|Venice|Florence|Vladivostok|Irkutsk"
)
CONTINENTS = _words(
    "Africa|Antarctica|Asia|Europe|North America|South America|Oceania|"
    "Arctic|Antarctic|Atlantic|Pacific|Mediterranean|Caribbean"
)
# Last words of names of things, never of people ("Hubble Space Telescope was launched").
THING_HEADS = _words(
    "railway|railroad|line|telescope|ship|boat|mission|expedition|programme|program|"
    "project|satellite|rocket|shuttle|car|train|plane|aircraft|prize|award|cup|"
    "championship|games|olympics|festival|fair|war|battle|treaty|act|law|agreement|"
    "declaration|site|heritage|system|network|day|week|month|year|era|age|museum|"
    "tower|building|hall|palace|castle|temple|monument|statue|stadium|arena|"
    "seal|species|disease|virus|language|book|film|album|song|opera|symphony|empire|dynasty|"
    "revolution|crisis|marathon|race|olympiad|caliphate|sultanate|reich|powers|allies|nations|"
    "house|gate|wall|bowl|cross|medal|trophy|cup|open|grand|prix|conference|summit|accord|"
    "pact|convention|constitution|charter|bill|code|rover|probe|lander|station|vessel|ferry|"
    "submarine|submersible|spacecraft|capsule|module|engine|model|series|edition|brand"
)
# Past and present verbs, irregular or common, that may follow a name as its verb
# ("Michael Collins flew", "the Volga rises"), besides those ending in -ed or -ing.
COMMON_VERBS = _words(
    "became|becomes|remains|remained|lies|lay|includes|included|won|began|begins|grew|"
    "took|made|gave|rose|rises|sank|stands|stood|holds|held|signed|owns|owned|says|ran|"
    "runs|flew|flies|went|goes|came|comes|built|led|leads|left|met|sold|bought|wrote|"
    "found|saw|became|broke|fell|fought|kept|lost|paid|spent|taught|told|won|makes|gives|"
    "keeps|brings|puts|takes|means"
)
# Words that say what kind of place or firm a name is, which a typed answer may leave out
# ("Potomac" for "Potomac River", "Whitney" for "Mount Whitney").
NAME_HEADS = _words(
    "river|lake|island|islands|ocean|sea|mount|mt.|mountain|mountains|bay|desert|park|"
    "inc.|inc|ltd.|ltd|corporation|company"
)
# The heads of organisations' names that ask well as "which ...": "which school", not
# "which inc." or "which times".
ASKED_ORG_HEADS = _words(
    "agency|university|institute|ministry|council|committee|commission|association|bank|"
    "party|foundation|society|authority|department|museum|library|hospital|school|college|"
    "academy|club|team|court|parliament|army|navy|laboratory|observatory|bureau|league|"
    "orchestra|theatre|theater|church|cathedral|airline|company|center|centre"
)
# The heads of named things that are neither people, places nor organisations, said in
# the name ("Hubble Space Telescope", "Battle of Solferino") or beside it ("a Pegasus XL
# rocket", "the book A Memory of Solferino"): the thing is asked as "which rocket".
NAMED_THING_HEADS = _words(
    "ship|boat|liner|steamer|yacht|ferry|vessel|submarine|rocket|shuttle|spacecraft|probe|"
    "satellite|telescope|rover|lander|capsule|module|station|mission|expedition|programme|"
    "program|project|prize|award|medal|trophy|war|wars|battle|siege|treaty|agreement|accord|pact|"
    "convention|declaration|charter|book|novel|film|album|song|opera|symphony|poem|play|show|"
    "tower|palace|castle|temple|cathedral|monument|statue|stadium|arena|festival|marathon|"
    "conference|summit|line|railway|railroad|canal|locomotive|aircraft|airship|plane|tapestry|"
    "painting|manuscript|sculpture|fresco|mosaic"
)
# Works whose titles keep their opening article ("A Memory of Solferino").
WORKS = _words("book|novel|film|album|song|opera|symphony|poem|play|show")
# Vehicles whose own names follow their kind inside a longer name ("Apollo Lunar Module
# Eagle": the module is called Eagle).
CRAFT = _words(
    "module|shuttle|spacecraft|ship|rocket|probe|lander|rover|capsule|vessel|liner|boat|"
    "submarine|satellite|telescope|orbiter"
)
# Prepositions that open a sentence with a capital ("Within the Department of War, ...").
PREPOSITION_WORDS = _words(
    "in|on|at|by|for|with|within|without|from|to|into|under|over|after|before|during|since|"
    "until|among|across|beyond|behind|between|through|throughout|near|inside|outside|"
    "following|despite|upon|toward|towards|against|along|around|beside|besides"
)
# When each country in COUNTRIES became the state it is (independence, union or
# foundation), after the Correlates of War list of states; 0 for one older than the dates
# an article asks about, and an end year for one that is gone. A wrong option must have
# existed when the sentence's event happened: no "Namibia" in the First World War.
COUNTRY_YEARS: dict[str, tuple[int, int]] = {
    name: (int(start), int(end or 9999))
    for line in """
    afghanistan 1919|albania 1912|algeria 1962|andorra 0|angola 1975|argentina 1816|
    armenia 1991|australia 1901|austria 0|azerbaijan 1991|bahamas 1973|bahrain 1971|
    bangladesh 1971|barbados 1966|belarus 1991|belgium 1830|belize 1981|benin 1960|bhutan 0|
    bolivia 1825|botswana 1966|brazil 1822|brunei 1984|bulgaria 1878|burundi 1962|
    cambodia 1953|cameroon 1960|canada 1867|chad 1960|chile 1818|china 0|colombia 1810|
    comoros 1975|congo 1960|croatia 1991|cuba 1902|cyprus 1960|czechia 1993|denmark 0|
    djibouti 1977|dominica 1978|ecuador 1830|egypt 1922|eritrea 1993|estonia 1918|
    eswatini 1968|ethiopia 0|fiji 1970|finland 1917|france 0|gabon 1960|gambia 1965|
    georgia 1991|germany 1871|ghana 1957|greece 1830|grenada 1974|guatemala 1821|
    guinea 1958|guyana 1966|haiti 1804|honduras 1821|hungary 0|iceland 1918|india 1947|
    indonesia 1945|iran 0|iraq 1932|ireland 1922|israel 1948|italy 1861|jamaica 1962|
    japan 0|jordan 1946|kazakhstan 1991|kenya 1963|kiribati 1979|kosovo 2008|kuwait 1961|
    kyrgyzstan 1991|laos 1953|latvia 1918|lebanon 1943|lesotho 1966|liberia 1847|
    libya 1951|liechtenstein 1806|lithuania 1918|luxembourg 1839|madagascar 1960|
    malawi 1964|malaysia 1957|maldives 1965|mali 1960|malta 1964|mauritania 1960|
    mauritius 1968|mexico 1821|moldova 1991|monaco 0|mongolia 1911|montenegro 2006|
    morocco 1956|mozambique 1975|myanmar 1948|namibia 1990|nauru 1968|nepal 0|
    netherlands 0|nicaragua 1821|niger 1960|nigeria 1960|norway 1905|oman 0|pakistan 1947|
    palau 1994|panama 1903|paraguay 1811|peru 1821|philippines 1946|poland 1918|portugal 0|
    qatar 1971|romania 1878|russia 0|rwanda 1962|samoa 1962|senegal 1960|serbia 1878|
    seychelles 1976|singapore 1965|slovakia 1993|slovenia 1991|somalia 1960|spain 0|
    sudan 1956|suriname 1975|sweden 0|switzerland 0|syria 1946|taiwan 1949|tajikistan 1991|
    tanzania 1961|thailand 0|togo 1960|tonga 1970|tunisia 1956|turkey 1923|
    turkmenistan 1991|tuvalu 1978|uganda 1962|ukraine 1991|uruguay 1828|uzbekistan 1991|
    vanuatu 1980|venezuela 1811|vietnam 1945|yemen 1918|zambia 1964|zimbabwe 1980|
    britain 0|england 0|scotland 0|wales 0|ussr 1922 1991|yugoslavia 1918 1992
    """.replace("\n", "").split("|")
    for name, start, *rest in [line.split()]
    for end in [rest[0] if rest else None]
}


def existed(country: str, year: int | None) -> bool:
    """Tell whether a country existed in a year (always, when the year is not known)."""
    start, end = COUNTRY_YEARS.get(country.lower(), (0, 9999))
    return year is None or start <= year <= end


# Words that make a figure a bound: "more than 40 offices" (a lower bound: any smaller
# figure is true too), "up to $30.1 million" (an upper one).
# Letters of names written in Latin script, accented ones included ("Hänsch", "Skłodowska",
# "Léopoldville"), as regular-expression character classes: capitals, then small letters.
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
SMALL = "a-z" + "".join(c for c in map(chr, range(0xDF, 0x250)) if c.islower())
LOWER_BOUNDS = _words(
    "more than|over|above|at least|upwards of|exceeding|exceeded|exceeds|surpassed|"
    "surpasses|topped|tops|just over"
)
UPPER_BOUNDS = _words("up to|less than|fewer than|under|below|at most|just under")


def bound_of(hedge: str | None) -> str | None:
    """Return "lower" or "upper" when a hedge makes a figure a bound, else None."""
    if hedge in LOWER_BOUNDS:
        return "lower"
    return "upper" if hedge in UPPER_BOUNDS else None


# Words for a person the article need not name: after "her mother encouraged ...", a "She"
# may be the mother, and after "his father ...", a "He" the father.
KIN = {
    "female": _words(
        "mother|wife|daughter|sister|aunt|grandmother|granddaughter|niece|woman|girl|widow|"
        "stepmother|bride|fiancée|mistress"
    ),
    "male": _words(
        "father|husband|son|brother|uncle|grandfather|grandson|nephew|man|boy|widower|"
        "stepfather|groom|fiancé"
    ),
}
OTHER_GENDER = {"female": "male", "male": "female"}
# What a sum is counted in, said after it ("$36 million dollars").
CURRENCY_WORDS = _words("dollars|euros|pounds|yen|yuan|rupees|roubles|rubles|francs|tenge|pesos")
# What a first statement says someone was: "a Kenyan ... activist", "an English mathematician".
PERSON_NOUNS = _words(
    "activist|actor|actress|architect|artist|astronaut|astronomer|athlete|author|aviator|"
    "biologist|botanist|businessman|businesswoman|chemist|composer|conductor|cosmonaut|"
    "dancer|diplomat|director|doctor|economist|emperor|empress|engineer|entrepreneur|"
    "explorer|footballer|geologist|historian|inventor|journalist|judge|king|lawyer|"
    "mathematician|missionary|monarch|musician|naturalist|novelist|nurse|painter|"
    "philanthropist|philosopher|photographer|physician|physicist|pilot|playwright|"
    "poet|politician|president|priest|prince|princess|queen|rapper|revolutionary|saint|"
    "scholar|scientist|sculptor|singer|soldier|songwriter|statesman|stateswoman|surgeon|"
    "teacher|theologian|writer|woman|man|zoologist|chef|cyclist|swimmer|runner"
)

# The country a people's adjective names ("the Brazilian city of Belem" is in Brazil).
DEMONYM_COUNTRIES = {
    "American": "United States",
    "Argentine": "Argentina",
    "Australian": "Australia",
    "Brazilian": "Brazil",
    "British": "United Kingdom",
    "Canadian": "Canada",
    "Chilean": "Chile",
    "Chinese": "China",
    "Colombian": "Colombia",
    "Danish": "Denmark",
    "Dutch": "Netherlands",
    "Egyptian": "Egypt",
    "Finnish": "Finland",
    "French": "France",
    "German": "Germany",
    "Greek": "Greece",
    "Indian": "India",
    "Indonesian": "Indonesia",
    "Irish": "Ireland",
    "Italian": "Italy",
    "Japanese": "Japan",
    "Kazakh": "Kazakhstan",
    "Mexican": "Mexico",
    "Norwegian": "Norway",
    "Peruvian": "Peru",
    "Polish": "Poland",
    "Portuguese": "Portugal",
    "Russian": "Russia",
    "Spanish": "Spain",
    "Swedish": "Sweden",
    "Swiss": "Switzerland",
    "Turkish": "Turkey",
    "Ukrainian": "Ukraine",
}
