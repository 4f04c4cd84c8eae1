package generate

import (
	"strings"
	"unicode/utf8"

	"factdrill/questions/generate/prose"
)

// The word lists below are the generator's whole knowledge of English: small
// closed classes (function words, auxiliaries, pronouns, months), frequent
// verbs with their irregular forms, and gazetteers of name parts (titles,
// given names, countries, keywords of organisations and places). They are
// general lists, not tuned to any document; a word missing from them only
// makes the generator more cautious.

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
	"sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// Closed word classes.
var (
	// functionWords are never the start of a name, even when capitalised.
	functionWords = prose.FunctionWords
	determiners   = prose.WordSet(`the a an this that these those his her its their our my your
		some any no every each either neither several many much most more few fewer all both
		another other such what which whose`)
	prepositions = prose.WordSet(`of in on at by for from with to into onto upon over under between among
		amongst through throughout during before after against within without toward towards
		across along alongside around behind beyond despite except near since until till via per
		about above below beneath beside besides inside outside past amid amidst unlike like
		concerning regarding following including excluding plus versus than as`)
	conjunctions  = prose.WordSet(`and or but nor yet so`)
	subordinators = prose.WordSet(`that which who whom whose where when while whereas because although though
		if unless since after before until once whether as`)
	subjectPronouns = prose.WordSet(`he she it they we i you`)
	objectPronouns  = prose.WordSet(`him her them us me it you himself herself itself themselves`)
	possPronouns    = prose.WordSet(`his her its their our my your`)
	demonstratives  = prose.WordSet(`this these those such`)
	auxiliaries     = prose.WordSet(`is are was were am be been being has have had having do does did
		will would shall should can could may might must`)
	modals    = prose.WordSet(`will would shall should can could may might must`)
	negations = prose.WordSet(`not never n't`)
	// adverbs that may stand between a subject and its verb, or before a verb.
	midAdverbs = prose.WordSet(`also only even still already eventually ultimately initially later soon then
		thereafter subsequently finally first originally nevertheless nonetheless however therefore
		thus hence often usually sometimes always never once again further furthermore moreover
		indeed actually really primarily mainly mostly largely partly gradually immediately quickly
		slowly directly jointly formally officially reportedly allegedly apparently probably possibly
		certainly clearly briefly temporarily permanently successfully unsuccessfully effectively
		quietly openly secretly publicly privately increasingly repeatedly consistently
		fervently bitterly strongly firmly sharply heavily widely newly recently previously
		traditionally historically generally commonly particularly especially notably too not`)
	// discourse connectives are dropped from the start of a stem: they tie a
	// sentence to its neighbours and mean nothing on their own.
	connectives = []string{
		"in addition", "on the other hand", "as a result", "in turn", "in fact", "for example",
		"for instance", "moreover", "nonetheless", "nevertheless", "however", "furthermore",
		"consequently", "therefore", "thus", "hence", "besides", "indeed", "also", "and", "but",
		"so", "instead", "accordingly", "likewise", "similarly", "additionally", "admittedly",
		"notably", "overall",
	}
	// temporalConnectives also open sentences, but say when: a statement
	// keeps them ("Initially the Normans maintained a distinct culture" is
	// not true without "initially"), while the parse steps over them.
	temporalConnectives = []string{
		"at the same time", "at that time", "in the end", "by then", "after that", "eventually",
		"ultimately", "finally", "later", "afterwards", "thereafter", "then", "still", "yet",
		"initially", "meanwhile", "subsequently", "soon", "originally", "first", "once",
	}
)

// Pronoun-like words that make a sentence start depend on an earlier one.
var anaphoricStarts = prose.WordSet(`he she it they this these those that such his her its their him them
	both either neither another latter former`)

// Ordinal words, and ordinal words that may start a context-dependent phrase
// ("The first could be attributed to ...").
var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}

var numberWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "dozen": 12,
	"hundreds": 100, "thousands": 1000, "millions": 1e6,
}

// scaleWords multiply the number before them ("3 million").
var scaleWords = map[string]float64{"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// approximators make a number a bound or an estimate: a multiple-choice key
// or a true/false swap on it could be defended either way.
var approximators = prose.WordSet(`about around approximately roughly nearly almost some over under more less
	fewer least most up circa c. ca. estimated possibly perhaps`)

// openDatePreps introduce a date that is a bound, not the date of the event
// ("by March 1920"): another date could be right too.
var openDatePreps = prose.WordSet(`by before after until till since from between through throughout
	to around circa about c. ca.`)

// Name parts.
var (
	// personTitles come before a person's name.
	personTitles = prose.WordSet(`king queen duke duchess earl count countess prince princess emperor empress
		pope saint st. st sir lord lady dame general gen. gen president chancellor archbishop bishop
		cardinal mr. mrs. ms. dr. prof. mr mrs ms dr prof professor captain capt. colonel col. admiral
		marshal tsar czar tsarina sultan caliph khan shah emir chief minister senator sen. governor
		gov. judge justice father brother sister rev. reverend rabbi imam lieutenant lt. major sergeant
		commander commodore baron baroness viscount marquess marquis margrave landgrave elector
		archduke grand_duke regent consul tribune senator abbot abbess prior friar deacon patriarch
		metropolitan vizier pharaoh chieftain ealdorman thane jarl doge ayatollah mullah sheikh
		comrade citizen madame monsieur herr frau signor don dona miss mme mme. mlle mlle.`)
	// roleNouns name what a person is or does, in appositives and before names.
	roleNouns = prose.WordSet(`chair chairman chairwoman chairperson secretary president vice-president leader
		head founder co-founder member director editor author commander general captain king queen
		duke duchess count earl prince princess emperor empress pope bishop archbishop minister
		governor mayor senator ambassador chancellor treasurer spokesman spokesperson spokeswoman
		spokespersons organizer organiser son daughter wife husband brother sister half-brother
		half-sister father mother uncle aunt nephew niece cousin grandson granddaughter grandfather
		grandmother friend ally rival successor predecessor heir teacher student pupil mentor deputy
		commissar official signatory adviser advisor counsellor counselor professor lecturer
		historian philosopher poet writer novelist painter composer architect scientist physicist
		chemist biologist mathematician engineer inventor explorer soldier officer lieutenant colonel
		admiral marshal vassal ruler lord lady knight prophet priest monk abbot saint disciple
		apostle champion coach player manager owner chief executive discoverer mercenary adventurer
		claimant hostage brother-in-law sister-in-law son-in-law daughter-in-law father-in-law
		mother-in-law stepson stepfather stepmother consort regent chieftain warlord tsar czar
		sultan caliph khan shah emir commissioner prosecutor judge lawyer economist theorist
		ideologue activist revolutionary politician statesman diplomat journalist publisher critic
		actor actress singer musician director producer playwright scholar theologian bishop
		patriarch rector dean provost chaplain pastor rabbi imam envoy legate delegate representative
		commander-in-chief admiral generalissimo premier prime viceroy governor-general constable
		steward chamberlain treasurer founder-member co-author co-editor protege protégé widow
		widower fiancé fiancée partner colleague associate opponent supporter follower`)
	// uniqueRoles are held by one person at a time ("chair of the union"):
	// naming another person for them contradicts the text.
	uniqueRoles = prose.WordSet(`chair chairman chairwoman chairperson president vice-president leader head
		founder king queen duke duchess emperor empress pope archbishop governor mayor chancellor
		treasurer secretary premier viceroy commander commander-in-chief director editor-in-chief
		ruler regent chief wife husband father mother successor predecessor heir`)
	orgKeywords = prose.WordSet(`party committee union congress council commission university college
		school academy institute institution society association federation league company corporation
		corp. inc. ltd. co. bank church army navy court ministry department bureau agency office
		government administration cabinet parliament senate assembly duma soviet soviets executive
		faction opposition group movement front alliance coalition bloc club team foundation trust
		museum library press times post journal gazette newspaper magazine review guard police
		service services order brotherhood sisterhood synod diocese tribunal directorate secretariat
		politburo presidium comintern international organization organisation corps regiment division
		brigade battalion fleet legion militia guild council board authority commune collective
		cooperative co-operative inquisition conference convention`)
	placeKeywords = prose.WordSet(`river rivers mountains mountain mount mt. sea ocean bay gulf island islands
		isle valley castle city town village province oblast county district region kingdom duchy
		principality empire republic state states peninsula lake coast strait channel desert forest
		plain plains plateau hills hill cape harbour harbor port canal square street road avenue
		palace cathedral abbey monastery fortress fort citadel krai governorate canton prefecture
		department territory territories land lands shire borough parish marches march emirate
		sultanate khanate caliphate county voivodeship arrondissement commune basin delta falls
		pass gate bridge`)
	eventKeywords = prose.WordSet(`battle war wars revolution crusade siege treaty rebellion revolt uprising
		massacre conquest invasion campaign expedition congress council conference election elections
		olympics games festival coup mutiny strike crisis famine plague reformation renaissance
		restoration armistice accord accords agreement pact peace`)
	workKeywords = prose.WordSet(`letter theses manifesto declaration charter constitution act law bill decree
		edict report resolution program programme platform doctrine book novel poem essay treatise
		gospel bible torah quran koran code plan prize award medal cup trophy theory effect principle
		equation theorem disease syndrome history chronicle chronicles annals epic saga film album song
		opera symphony painting journal magazine newspaper`)
	// datePartWords name a stretch of a date ("the end of 1919").
	datePartWords = prose.WordSet(`end beginning start middle spring summer autumn fall winter half
		turn dawn close`)
	dateModifiers = prose.WordSet(`early late mid`)
)

// usStates are places a name may be mistaken for a person's beside
// (not Washington or Georgia, which name people as often).
var usStates = prose.WordSet(`alabama alaska arizona arkansas california colorado connecticut delaware florida
	hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
	mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
	virginia wisconsin wyoming`)

// countries and large regions, to type a name as a place and to find
// distractors for a place when the document has too few.
var countries = prose.WordSet(`afghanistan albania algeria andorra angola argentina armenia australia austria
	azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
	botswana brazil brunei bulgaria burma burundi cambodia cameroon canada chad chile china colombia
	congo croatia cuba cyprus czechia czechoslovakia denmark djibouti dominica ecuador egypt england
	eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece
	grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland
	israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos
	latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia
	maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro
	morocco mozambique myanmar namibia nauru nepal netherlands holland nicaragua niger nigeria norway
	oman pakistan palau palestine panama paraguay peru philippines poland portugal prussia qatar
	romania russia rwanda samoa scotland senegal serbia seychelles singapore slovakia slovenia somalia
	spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga
	tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam
	wales yemen yugoslavia zambia zimbabwe
	europe asia africa america americas antarctica oceania scandinavia siberia anatolia arabia
	persia byzantium gaul britain normandy brittany bavaria saxony bohemia moravia silesia
	lombardy tuscany sicily sardinia corsica crete macedonia thrace dalmatia croatia flanders
	burgundy aquitaine gascony provence castile aragon catalonia andalusia galicia navarre
	ukraine crimea caucasus manchuria mesopotamia palestine judea egypt nubia ethiopia
	moscow london paris rome berlin vienna madrid lisbon athens constantinople istanbul jerusalem
	petrograd leningrad kiev kyiv warsaw prague budapest stockholm oslo copenhagen amsterdam brussels
	dublin edinburgh venice florence naples milan genoa antioch alexandria baghdad cairo damascus
	beijing tokyo delhi washington boston chicago york`)

// demonymSuffixes mark a name as a people ("the Normans") or a language.
var demonymSuffixes = []string{"ans", "ians", "ese", "ish", "ards", "iots", "ites", "ics", "ks", "nes", "ts", "ars", "ens"}

// nationalities used as adjectives are not names worth asking about.
var nationalities = prose.WordSet(`english french german italian spanish portuguese russian polish dutch
	swedish danish norwegian finnish greek turkish arab arabic persian chinese japanese indian
	american british irish scottish welsh roman latin byzantine norse frankish norman saxon celtic
	gallic viking soviet bolshevik leninist marxist communist socialist catholic orthodox protestant
	christian muslim jewish islamic hebrew european asian african western eastern northern southern
	anglo-saxon anglo-norman italo-norman old middle modern medieval ancient imperial royal papal
	ukrainian belarusian georgian armenian albanian serbian croatian bulgarian romanian hungarian
	czech slovak lithuanian latvian estonian austrian swiss belgian canadian mexican brazilian
	egyptian syrian iraqi iranian israeli lebanese korean vietnamese thai australian scandinavian
	slavic germanic romance lombard venetian sicilian neapolitan florentine genoese castilian
	all-russian all-union tsarist imperial republican democratic liberal conservative`)

// firstNames is a sample of common given names from many languages; names
// that are also common words or places (May, Will, Florence) are left out.
var firstNames = prose.WordSet(`
	aaron abdul abraham adam adolf adrian agnes ahmed aidan alan albert alberto aleksandr aleksei alexei
	aleksey alessandro alexander alexandra alexandre alexis alfred alfonso ali alice alison amanda amelia
	amy ana anastasia anatoly andre andrea andreas andrei andrew andrey angela angelo ann anna anne annie
	anthony antoine anton antonio arnold arthur astrid august augustin augustus barbara bartholomew beatrice
	ben benedict benjamin bernard bertrand bohemond boris brian bruce bruno carl carlo carlos caroline
	catherine cecilia charles charlotte christian christina christine christopher claire clara claude
	clement conrad constantine cornelius daniel david dennis denis diana dimitri dmitri dmitry dominic
	donald dorothy douglas duncan edgar edith edmund eduard edward edwin eleanor elena elizabeth ellen
	emil emile emily emma enrico eric erik ernest ernst esther eugene eustace eva evelyn felix ferdinand
	fernando filippo francesco francis francisco franz frederick friedrich gabriel geoffrey george
	georg georgy gerald gerard gertrude giovanni giuseppe godfrey godwin gottfried gregory grigory
	guillaume gustav guy hans harold harry heinrich helen helena henri henry herbert hermann hugh hugo
	humphrey ian igor ilya ingrid isaac isabella isabel ivan jack jacob jacques james jan jane jean
	jeanne jennifer jeremy jerome joan joanna johann johannes john jonathan jorge jose josef joseph
	juan judith julia julian julius karl katherine kathleen kevin konrad konstantin kurt lars laura
	lawrence leo leon leonard leonid leopold lev lewis louis louise lucas lucy ludwig luis luke magnus
	malcolm manuel marco margaret margarethe maria marie marina martha martin mary matilda matthew
	maurice max maximilian michael michel miguel mikhail nadezhda natalia natalya nathan nicholas nicolas
	niccolo nikita nikolai nikolay olaf oleg olga oliver oscar otto pablo patrick paul paolo pavel pedro
	peter petr philip philippe pierre pietro pyotr rachel ralph raoul raymond rebecca reginald richard
	robert roberto roger roland rollo rudolf rupert ruth sam samuel sarah sebastian semyon sergei sergey
	simon sofia sophia sophie stanislav stefan stephen steven susan svetlana sven sweyn thomas timothy
	tobias tom tomas ulrich valentin valentina valery vasily vera victor viktor vincent vladimir walter
	werner wilhelm william wolfgang xavier yakov yefim yekaterina yelena yuri yury yevgeny zoya zinaida
	alexius alexios harald haakon knut cnut canute ethelred aethelred alfred athelstan edmund godfrey
	baldwin tancred bertha matilde adela isabeau eleanor hildegard ansgar ragnar leif erik ivar
	nikolai grigori anatoli aleksandra mariya irina tatiana tatyana lyudmila galina lidiya larisa
	mohammed muhammad hassan hussein omar osman mehmed suleiman selim murad ibrahim yusuf abdullah
	hiroshi kenji takeshi wei li ming chen hans jurgen klaus dieter helmut gerhard
`)

// femaleNames are given names and titles of women, to keep "he" from
// standing for a woman and "she" for a man.
var femaleNames = prose.WordSet(`
	agnes alexandra alice alison amanda amelia amy ana anastasia andrea angela ann anna anne annie astrid
	barbara beatrice bertha bronisława caroline catherine cecilia charlotte christina christine claire
	clara diana dorothy edith eleanor elena elizabeth ellen emily emma esther eva evelyn galina gertrude
	helen helena hildegard ingrid irina isabel isabella isabeau jane jeanne jennifer joan joanna judith
	julia katherine kathleen larisa laura lidiya louise lucy lyudmila margaret margarethe maria marie
	marina mariya martha mary matilda matilde nadezhda natalia natalya olga rachel rebecca ruth sarah
	sofia sophia sophie susan svetlana tatiana tatyana valentina vera yekaterina yelena zinaida zoya
	adela aleksandra marie-anne
	queen lady duchess princess empress countess baroness dame mrs mrs. ms ms. madame tsarina abbess
	sister mother`)

// maleTitles are titles only men hold.
var maleTitles = prose.WordSet(`king duke prince emperor count earl baron sir lord mr mr. tsar czar sultan
	caliph khan shah emir pope father brother monsieur herr signor don archduke margrave viscount marquess`)

// surnameSuffixes are endings typical of family names in several languages.
var surnameSuffixes = []string{"ov", "ova", "ev", "eva", "yov", "yev", "iev", "sky", "ski",
	"skaya", "ska", "skii", "enko", "vich", "vych", "wicz", "shvili", "dze", "yan", "son", "sen",
	"sson", "ez", "escu", "poulos", "akis", "ini", "elli", "etti", "ucci", "stein", "berg", "mann"}

// Verbs of saying, thinking and deciding take people as subjects.
var humanVerbs = prose.WordSet(`said says say noted notes note believed believes believe argued argues argue
	wrote writes write insisted insists insist claimed claims claim declared declares declare stated
	thought thinks think replied replies reply told tells tell married marries marry died
	dies die born asked asks ask warned warns warn proposed proposes propose demanded demands demand
	recalled recalls recall explained explains explain admitted admits admit denied denies deny
	announced announces announce suggested suggests suggest opposed opposes oppose supported supports
	co-signed signed signs sign attacked attacks attack criticized criticised criticizes criticises
	praised praises praise complained complains complain protested protests protest resigned resigns
	resign spoke speaks speak fled flees flee reigned reigns reign ruled rules rule appointed appoints
	appoint invited invites invite formulated formulates formulate saw sees see joined joins join
	founded founds found led leads lead fought fights fight murdered murders murder killed kills kill
	visited visits visit studied studies study taught teaches teach lived lives live wanted wants want
	hoped hopes hope feared fears fear decided decides decide refused refuses refuse agreed agrees
	agree received receives receive served serves serve`)

// irregularVerbs maps a base form to its past tense and past participle.
var irregularVerbs = map[string][2]string{
	"arise": {"arose", "arisen"}, "awake": {"awoke", "awoken"}, "be": {"was", "been"},
	"bear": {"bore", "borne"}, "beat": {"beat", "beaten"}, "become": {"became", "become"},
	"begin": {"began", "begun"}, "bend": {"bent", "bent"}, "bet": {"bet", "bet"},
	"bind": {"bound", "bound"}, "bite": {"bit", "bitten"}, "bleed": {"bled", "bled"},
	"blow": {"blew", "blown"}, "break": {"broke", "broken"}, "breed": {"bred", "bred"},
	"bring": {"brought", "brought"}, "build": {"built", "built"}, "burn": {"burnt", "burnt"},
	"burst": {"burst", "burst"}, "buy": {"bought", "bought"}, "cast": {"cast", "cast"},
	"catch": {"caught", "caught"}, "choose": {"chose", "chosen"}, "cling": {"clung", "clung"},
	"come": {"came", "come"}, "cost": {"cost", "cost"}, "creep": {"crept", "crept"},
	"cut": {"cut", "cut"}, "deal": {"dealt", "dealt"}, "dig": {"dug", "dug"},
	"do": {"did", "done"}, "draw": {"drew", "drawn"}, "dream": {"dreamt", "dreamt"},
	"drink": {"drank", "drunk"}, "drive": {"drove", "driven"}, "eat": {"ate", "eaten"},
	"fall": {"fell", "fallen"}, "feed": {"fed", "fed"}, "feel": {"felt", "felt"},
	"fight": {"fought", "fought"}, "find": {"found", "found"}, "flee": {"fled", "fled"},
	"fling": {"flung", "flung"}, "fly": {"flew", "flown"}, "forbid": {"forbade", "forbidden"},
	"forget": {"forgot", "forgotten"}, "forgive": {"forgave", "forgiven"}, "freeze": {"froze", "frozen"},
	"get": {"got", "got"}, "give": {"gave", "given"}, "go": {"went", "gone"},
	"grind": {"ground", "ground"}, "grow": {"grew", "grown"}, "hang": {"hung", "hung"},
	"have": {"had", "had"}, "hear": {"heard", "heard"}, "hide": {"hid", "hidden"},
	"hit": {"hit", "hit"}, "hold": {"held", "held"}, "hurt": {"hurt", "hurt"},
	"keep": {"kept", "kept"}, "kneel": {"knelt", "knelt"}, "know": {"knew", "known"},
	"lay": {"laid", "laid"}, "lead": {"led", "led"}, "lean": {"leant", "leant"},
	"leap": {"leapt", "leapt"}, "learn": {"learnt", "learnt"}, "leave": {"left", "left"},
	"lend": {"lent", "lent"}, "let": {"let", "let"}, "lie": {"lay", "lain"},
	"light": {"lit", "lit"}, "lose": {"lost", "lost"}, "make": {"made", "made"},
	"mean": {"meant", "meant"}, "meet": {"met", "met"}, "mislead": {"misled", "misled"},
	"overcome": {"overcame", "overcome"}, "overtake": {"overtook", "overtaken"}, "overthrow": {"overthrew", "overthrown"},
	"pay": {"paid", "paid"}, "put": {"put", "put"}, "quit": {"quit", "quit"},
	"read": {"read", "read"}, "rebuild": {"rebuilt", "rebuilt"}, "ride": {"rode", "ridden"},
	"ring": {"rang", "rung"}, "rise": {"rose", "risen"}, "run": {"ran", "run"},
	"say": {"said", "said"}, "see": {"saw", "seen"}, "seek": {"sought", "sought"},
	"sell": {"sold", "sold"}, "send": {"sent", "sent"}, "set": {"set", "set"},
	"shake": {"shook", "shaken"}, "shed": {"shed", "shed"}, "shine": {"shone", "shone"},
	"shoot": {"shot", "shot"}, "show": {"showed", "shown"}, "shrink": {"shrank", "shrunk"},
	"shut": {"shut", "shut"}, "sing": {"sang", "sung"}, "sink": {"sank", "sunk"},
	"sit": {"sat", "sat"}, "slay": {"slew", "slain"}, "sleep": {"slept", "slept"},
	"slide": {"slid", "slid"}, "speak": {"spoke", "spoken"}, "spend": {"spent", "spent"},
	"spin": {"spun", "spun"}, "split": {"split", "split"}, "spread": {"spread", "spread"},
	"spring": {"sprang", "sprung"}, "stand": {"stood", "stood"}, "steal": {"stole", "stolen"},
	"stick": {"stuck", "stuck"}, "sting": {"stung", "stung"}, "strike": {"struck", "struck"},
	"strive": {"strove", "striven"}, "swear": {"swore", "sworn"}, "sweep": {"swept", "swept"},
	"swim": {"swam", "swum"}, "swing": {"swung", "swung"}, "take": {"took", "taken"},
	"teach": {"taught", "taught"}, "tear": {"tore", "torn"}, "tell": {"told", "told"},
	"think": {"thought", "thought"}, "throw": {"threw", "thrown"}, "undergo": {"underwent", "undergone"},
	"understand": {"understood", "understood"}, "undertake": {"undertook", "undertaken"}, "uphold": {"upheld", "upheld"},
	"wake": {"woke", "woken"}, "wear": {"wore", "worn"}, "weave": {"wove", "woven"},
	"weep": {"wept", "wept"}, "win": {"won", "won"}, "wind": {"wound", "wound"},
	"withdraw": {"withdrew", "withdrawn"}, "withhold": {"withheld", "withheld"}, "withstand": {"withstood", "withstood"},
	"write": {"wrote", "written"}, "forsake": {"forsook", "forsaken"}, "foresee": {"foresaw", "foreseen"},
	"outdo": {"outdid", "outdone"}, "override": {"overrode", "overridden"}, "oversee": {"oversaw", "overseen"},
	"partake": {"partook", "partaken"}, "rewrite": {"rewrote", "rewritten"}, "forego": {"forewent", "foregone"},
	"befall": {"befell", "befallen"}, "beget": {"begot", "begotten"}, "behold": {"beheld", "beheld"},
	"beseech": {"besought", "besought"}, "bid": {"bid", "bid"}, "broadcast": {"broadcast", "broadcast"},
	"cleave": {"clove", "cloven"}, "dwell": {"dwelt", "dwelt"}, "forecast": {"forecast", "forecast"},
	"mistake": {"mistook", "mistaken"}, "misunderstand": {"misunderstood", "misunderstood"},
	"outgrow": {"outgrew", "outgrown"}, "overhear": {"overheard", "overheard"}, "overrun": {"overran", "overrun"},
	"sow": {"sowed", "sown"}, "stride": {"strode", "stridden"}, "string": {"strung", "strung"},
	"thrust": {"thrust", "thrust"}, "tread": {"trod", "trodden"}, "upset": {"upset", "upset"},
}

// regularVerbs lists frequent verbs with regular forms, so that "believed"
// is known to come from "believe" and "stopped" from "stop".
var regularVerbs = prose.WordSet(`
	abandon abolish absorb accept accompany accuse achieve acknowledge acquire act adapt add address adopt
	advance advocate affect agree aid aim allow ally alter announce annex answer appeal appear apply appoint
	approve argue arrange arrest arrive ask assassinate assemble assert assign assimilate assist assume
	attach attack attain attempt attend attract attribute authorize avoid award back ban base battle
	beg behave belong besiege betray blame block blend boast border borrow call campaign capture care
	carry cause cease celebrate challenge change charge chase cheat check choose cite claim clash close
	coin collapse collect colonize combine command commemorate comment commission commit compare compete
	compile complain complete compose comprise concern conclude condemn conduct confirm conflict confront
	conquer consider consist consolidate constitute construct consult contain continue contribute control
	convene convert convince cooperate co-operate coordinate copy correspond count cover crash create
	criticize criticise cross crown cultivate cure damage dare date debate declare decline decide decrease
	dedicate defeat defend define delay deliver demand demolish denounce deny depart depend deploy depose
	describe deserve design desire destroy detain determine develop devote die differ direct disagree
	disappear discover discuss dismiss dispatch display dispute dissolve distinguish distribute divide
	dominate donate doubt drop earn educate elect eliminate embark embrace emerge emigrate employ enable
	encourage end endorse endure enforce engage enjoy enlarge enlist enter establish evacuate evaluate
	evolve examine exceed exchange exclude execute exert exile exist expand expect expel experience explain
	exploit explore export express extend face fail favour favor fear finance finish fire fix flourish
	follow force forge form formulate fortify found free fulfil fulfill function gain gather govern graduate
	grant greet guarantee guard guide hail halt hand handle happen harass head help hire host hunt identify
	ignore illustrate imagine immigrate implement impose imprison improve include incorporate increase
	indicate influence inform inherit initiate insist inspire install instruct insult integrate intend
	intensify intervene introduce invade invent invest investigate invite involve issue join judge jump
	justify kill label land last launch lack learn legalize liberate like limit link list live locate look
	love maintain manage march mark marry master matter mature measure mention merge migrate mind mobilize
	modify monitor move murder name need negotiate nominate note notice number object oblige observe
	obtain occupy occur offer omit open operate oppose order organize organise originate outline outlaw
	overthrow own participate pass perform permit persecute persist persuade pillage plan play please plot
	plunder point possess postpone pray precede predict prefer prepare present preserve press prevail
	prevent proceed proclaim produce profess prohibit promise promote pronounce propose prosecute protect
	protest prove provide provoke publish pull punish purchase purge pursue push question raid raise rank
	reach react realize realise receive recognize recognise recommend record recover recruit reduce refer
	reflect reform refuse regain regard reign reinforce reject rejoin relate release rely remain remark
	remember remove rename renounce repeat replace report represent repress request require rescue resemble
	reside resign resist resolve respond rest restore restrain restrict result resume retain retire retreat
	return reveal revise revive revolt reward rule sail save score secure seize select separate serve
	settle share ship sign signal situate solve spark stabilize stage start starve state station stay stem
	step stop store strengthen stress struggle study submit succeed suffer suggest summon sum supply support
	suppose suppress surrender surround survive suspect suspend sustain synthesize talk target tend term
	terminate test threaten tie tolerate total touch trace trade train transfer transform translate
	transport travel treat try turn unify unite urge use value vary visit vote wage wait walk want warn
	watch weaken welcome wish witness wonder work worry yield rename descend derive inhabit populate
	subsume predominate intermix borrow recognise abdicate restrain co-sign oppose outline convene mature
	shape attribute express obligate provide facilitate disillusion strengthen dissolve evaluate adopt
	believe achieve perceive conceive relieve deceive grieve retrieve sign co-sign cosign insist note
	assert emphasize emphasise recall recognize consider mention cause caution notice reject accuse
	approach arm assassinate bomb burn bury capture celebrate circulate collaborate compose
	confess confiscate congratulate conspire contest convict crush cultivate decorate defect
	deport descend desert design devastate dictate disband discourage dismantle displace distrust
	divorce draft drown edit elevate embrace emerge encounter engrave escape evacuate evade exhibit
	expire explode extract fabricate finance flood forbid gain glorify hang harm hate heal hesitate
	honour honor hope house humiliate hurry implement imprison inaugurate incite infiltrate infect
	inhabit insert inspect intercept interpret interrupt invoke isolate kidnap kneel knight lament
	lease lecture legislate liquidate loot lower manufacture massacre memorize merit mine mobilise
	modernize mourn multiply mutiny narrate nationalize nationalise navigate neglect notify nurse
	obey offend overlook overrule overturn paint pardon patrol pause persecute petition photograph
	pioneer place plant pledge poison polish populate portray post pour practise practice praise
	preach predict preside pretend print privatize proceed process procure prolong propagate
	prosper protest provoke publicize purify qualify quote rally ratify rebel rebuke recapture
	recite reclaim reconcile reconstruct redeem redistribute re-elect reelect refine reflect refute
	register regulate rehabilitate reinstate reiterate relocate remark renovate reorganize reorganise
	repay repeal repel reproduce repudiate rescind reshape resettle restructure retaliate retract
	reunite revere reverse revoke rewrite ridicule rob rotate sabotage sack sanction satisfy scatter
	schedule scorn sculpt seal search secede sentence shelter shift shock shout sink situate smuggle
	solidify specialize specialise speculate sponsor spy stab standardize steer stimulate stipulate
	storm strangle strike subdue subject subordinate subscribe subsidize substitute succumb summarize
	summarise supervise supplement surpass survey swear tax teach tear telegraph tempt testify thank
	torture tour trace trap tribute trigger triumph trust undermine underline unveil update uphold
	upgrade usurp utilize vacate validate vanish veto vindicate violate volunteer vow wander warrant
	weigh widen wound wreck zone hold assume head outnumber overwhelm repulse besiege raid sack
	ravage annex cede crown flee outline shape expel purge condemn denounce criticize persuade
	agitate propagandize nominate co-opt coopt attack warn disillusion restrain speak
	`)

// pastToBase and participleToBase invert irregularVerbs.
var pastToBase, participleToBase = func() (map[string]string, map[string]string) {
	past, part := map[string]string{}, map[string]string{}
	for base, f := range irregularVerbs {
		past[f[0]] = base
		part[f[1]] = base
	}
	past["were"] = "be"
	part["born"] = "bear"
	return past, part
}()

// ambiguousPast are irregular forms that are more often nouns or adjectives.
var ambiguousPast = prose.WordSet(`found left bound ground wound lay set cut put read hit cost shed spread
	cast bet bid split shut burst thrust upset forecast broadcast lit wore saw fell felt lead`)

// lowerIn returns m[strings.ToLower(w)] without making the lower-cased
// string when w is a short ASCII word, which is how word lists are
// looked up in the hot checks.
func lowerIn[V any](m map[string]V, w string) V {
	var buf [32]byte
	if len(w) > len(buf) {
		return m[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(w)]
		}
		buf[i] = asciiLower(c)
	}
	return m[string(buf[:len(w)])]
}

// A wordFilter answers "surely not in the list" for most words without
// hashing them: a bit for each mix of length, first and last byte that a
// word of the list has. Word lists are looked up for nearly every word
// of every sentence and stem, and most words are in none of them; a word
// whose bit is set is looked up in the list itself.
type wordFilter [32]uint64

// filterBit is where a word's bit is in a wordFilter.
func filterBit(w string) uint32 {
	if w == "" {
		return 0
	}
	h := uint32(len(w)) | uint32(w[0])<<8 | uint32(w[len(w)-1])<<16
	return (h * 0x9E3779B1) >> 21 // the top 11 bits: 2048 in all
}

// mayHold reports whether w may be in the list the filter was made from;
// false is sure.
func (f *wordFilter) mayHold(w string) bool {
	b := filterBit(w)
	return f[b>>6]&(1<<(b&63)) != 0
}

// A wordList is a word list with its filter.
type wordList[V any] struct {
	filter wordFilter
	words  map[string]V
}

// listOf makes a wordList of m, which must not change after.
func listOf[V any](m map[string]V) *wordList[V] {
	l := &wordList[V]{words: m}
	for w := range m {
		b := filterBit(w)
		l.filter[b>>6] |= 1 << (b & 63)
	}
	return l
}

// get is m[w], with ok as a map lookup gives it.
func (l *wordList[V]) get(w string) (v V, ok bool) {
	if !l.filter.mayHold(w) {
		return v, false
	}
	v, ok = l.words[w]
	return v, ok
}

// has is m[w] for a set (the zero value when w is not in it).
func (l *wordList[V]) has(w string) (v V) {
	if l.filter.mayHold(w) {
		v = l.words[w]
	}
	return v
}

// Filtered lists of the lookups made for most words (see wordFilter).
var (
	auxiliaryList     = listOf(auxiliaries)
	determinerList    = listOf(determiners)
	prepositionList   = listOf(prepositions)
	subjectList       = listOf(subjectPronouns)
	objectList        = listOf(objectPronouns)
	midAdverbList     = listOf(midAdverbs)
	functionList      = listOf(functionWords)
	nationalityList   = listOf(nationalities)
	pastList          = listOf(pastToBase)
	participleList    = listOf(participleToBase)
	ambiguousList     = listOf(ambiguousPast)
	regularList       = listOf(regularVerbs)
	irregularList     = listOf(irregularVerbs)
	monthList         = listOf(months)
	ordinalList       = listOf(ordinalWords)
	anaphoricList     = listOf(anaphoricStarts)
	numberWordList    = listOf(numberWords)
	orgKeywordList    = listOf(orgKeywords)
	placeKeywordList  = listOf(placeKeywords)
	eventKeywordList  = listOf(eventKeywords)
	workKeywordList   = listOf(workKeywords)
	personTitleList   = listOf(personTitles)
	firstNameList     = listOf(firstNames)
	roleNounList      = listOf(roleNouns)
	humanVerbList     = listOf(humanVerbs)
	datePartList      = listOf(datePartWords)
	dateModifierList  = listOf(dateModifiers)
	causalList        = listOf(causalWords)
	superlativeList   = listOf(superlatives)
	beFormList        = listOf(beForms)
	countryList       = listOf(countries)
	femaleNameList    = listOf(femaleNames)
	maleTitleList     = listOf(maleTitles)
	uniqueRoleList    = listOf(uniqueRoles)
	subordinatorList  = listOf(subordinators)
	demonstrativeList = listOf(demonstratives)
	approximatorList  = listOf(approximators)
	openDatePrepList  = listOf(openDatePreps)
	particleList      = listOf(particles)
	modalList         = listOf(modals)
	negationList      = listOf(negations)
	// keep.go's lists, looked up for every word of every stem checked.
	madeParticipleList   = listOf(madeParticiples)
	byParticipleList     = listOf(byParticiples)
	backConnectiveList   = listOf(backConnectives)
	captionWordList      = listOf(captionWords)
	placePrepositionList = listOf(placePrepositions)
	referringNounList    = listOf(referringNouns)
	kindNounList         = listOf(kindNouns)
	pairedList           = listOf(pairedWords)
)
