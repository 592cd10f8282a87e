"""Written words that spell a Latin name letter for letter and are another word.

The alignment (``likeness.py``) says how well a written word spells a query name; it
cannot say whether the word is a name at all.  Two rules say when it is not, for a Latin
query word and a candidate the corpus holds (names.spelling_confidences): such a word is
never accepted alone, and still counts beside the rest of a name (beside.py), where the
other words corroborate it.

* A well-known name (known_names.well_attested) has its spellings listed: an ordinary
  word that holds none of them and only sounds like it is another word (_other_word).
* A common word that no table knows as a word of a name, far commoner in Arabic than the
  Latin word is in Latin text, is an Arabic word of its own (_no_name).
* A famous name the name table does not know is written as the world writes it
  (fame.world_spellings): a word far from that spelling is another word
  (_not_as_the_world_writes).

* A place the exonym table writes without the article is not a word written with it
  (Hama is not الحمأة "the mud", Bukhara not البخاري) (_place_behind_article).
* A name whose Latin spelling ends as a final ة is spelt (Jeddah, Rahma), or an Arabic
  query word written with a ة it means (جدة), is not a word written with ه where that is
  another word, the pronoun "his" glued on (marbuta.py: جده "his grandfather", رحمه "had
  mercy on him") (_pronoun_for_marbuta).  This rule alone holds for an Arabic query.

A third says when such a word must be spelt surely to be believed alone (unnamed_word),
and a fourth when it must be spelt closely to count beside the rest of a name
(ordinary_beside).
"""
from __future__ import annotations

from . import known_names
from .analysis import Token, WordForms
from .clitics import ARTICLE, behind_article
from .fame import latin_zipf, world_spellings, world_spelt
from .form_pairs import one_name_likeness
from .known_names import articleless_spellings, known_spellings
from .likeness import COMMON_ZIPF
from .marbuta import HEH, heh_is_another_word
from .readings import meant_dots
from .scripts import ARABIC, LATIN
from .splitter import word_zipf

# A written word this common (Zipf) that no table knows as a name word, and this much
# commoner than the Latin query word is in Latin text, is no spelling of it on its own.
NO_NAME_ZIPF = 4.3
FAME_GAP = 1.5
# A Latin name word asked alone is spelt by an ordinary written word (COMMON_ZIPF) that no
# table knows as a word of a name, at least as common as the Latin word is in Latin text
# (UNNAMED_GAP), only at LONE_UNNAMED_CONFIDENCE (unnamed_word).
UNNAMED_GAP = 0.0
LONE_UNNAMED_CONFIDENCE = 0.9
# A name the table knows less well (seen known_names.WELL_ATTESTED times, its spellings
# under WELL_KNOWN_NAME) is another word's sound-alike only when the word is this much
# commoner (Zipf) than the name's known spellings (_commoner_than_known).
KNOWN_MARGIN = 0.3
# A written word is the famous name's spelling when it is this close to how the world
# writes it, as two Arabic spellings of a name (its commonness not weighed): بيدن for
# بايدن (0.91), ترمب for ترامب, نتنياهو for نتانياهو; not بدن "body" (0.83) nor بطين (0.81).
WORLD_NEAR = 0.85
# ... unless it spells the name letter for letter (confidence this high), is in no word
# list, reads as no clitic and a word, and has this many letters or more (_spelt_apart):
# the world writes Ramsey رمزي, a corpus رامسي; Gautier غوتير.  Shorter, such words are
# Arabic words the list lacks (Shaw = سهو in 14 hadith pages, Hayes = حيس, Guy = غوي).
SPELT_CONFIDENCE = 0.99
SPELT_LETTERS = 5
# A written word this common (Zipf) that no table knows as a word of a name, without the
# article, is spelt closely enough to count beside a Latin name only as another Arabic
# spelling of an Arabic name is (names.BESIDE_ARABIC_CONFIDENCE, ordinary_beside).
BESIDE_COMMON_ZIPF = 4.5
# How a Latin spelling writes the Arabic article at the start of a word (Elfanan, Alkhor).
LATIN_ARTICLES = ("al", "el")
# An Arabic query word the frequency list counts this often (Zipf) that no table names is
# an ordinary word, whose other spellings are names' spellings only (another_arabic_word).
# Of the 898 pairs of one name's Arabic spellings in the tune half of names_dev.tsv that
# align surely (0.80), one is refused so (سلما / سيلما); 52 of its 1,404 one-word Arabic
# spellings are that common and unnamed (قوم, الرملة, اللد).  At 3.5, 32, and of 600 random
# words asked alone on prose.jsonl (bench/ordinary_words.py --seed 5), 28 instead of 11
# found a sound-alike.
LISTED_ZIPF = 3.0
# How a Latin spelling ends where the Arabic ends in ة (Jeddah, Rahma, Taybeh, Medinat).
LATIN_MARBUTA_ENDINGS = ("a", "ah", "eh", "at")


def another_word(query: Token | WordForms, word: Token | WordForms, weak: bool,
                 listed_name: bool, shows_article: bool, spelt: bool = False) -> bool:
    """True when the written ``word`` is another word than the ``query`` word (an Arabic
    one: only a word with the pronoun for its ة, :func:`_pronoun_for_marbuta`; ``weak``:
    its confidence is below names.SURE_CONFIDENCE; ``listed_name``: the query is a
    well-known name whose spellings the table lists; ``shows_article``: an article
    precedes the query word; ``spelt``: its confidence is SPELT_CONFIDENCE or more).  A
    place that is no person's name (known_names.place_only) is an ordinary word's
    sound-alike even when spelt surely: Hama is حماة, not حمى "fever" (0.95)."""
    if query.script != LATIN:
        return _pronoun_for_marbuta(query, word)
    return (listed_name and (weak or known_names.place_only(query.normalized))
            and _other_word(query, word)) or (
        _no_name(query, word) and not _article_shown(query, word, shows_article)) or (
        not shows_article and not (spelt and _spelt_apart(word))
        and _not_as_the_world_writes(query, word)) or (
        _pronoun_for_marbuta(query, word)) or (
        not shows_article and _place_behind_article(query, word))


def another_arabic_word(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when the written ``word`` is another word than the Arabic ``query`` word, not
    a spelling of it, wherever it stands: the query word is an ordinary word (a word of the
    frequency list, LISTED_ZIPF, whole, that no table names: _named) and the written word
    is no name's spelling; not when one is the other behind a clitic (the clitic tier's,
    and a name's neighbour).  Asked alone, ordinary words found other words of their sound
    as "other spellings": المصريين ("the Egyptians") المصورين ("the photographers") and
    المصراعين, المصالحة ("reconciliation") المصلحة ("interest"), يحرز ("scores") يحرس
    ("guards"), السادسة سدسه, الجمرات غمرات at 1.0.  A famous name the frequency list
    counts keeps its spellings: ويليامز finds وليامز, the world's spelling of Williams
    (fame.world_spelt)."""
    if (query.script != ARABIC or word.script != ARABIC or _named(query)
            or _one_behind_clitic(query, word)):
        return False
    return listed(query) and not _named(word)


def listed(word: Token | WordForms) -> bool:
    """True for an Arabic word, whole, that the frequency list counts (LISTED_ZIPF): a word
    of the language, which may still be a name (_named) and is no typo (query.correction)."""
    return word.script == ARABIC and word_zipf(word.normalized) >= LISTED_ZIPF


def _one_behind_clitic(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when one of the two words is the other behind a clitic (وأخيكم, أخيكم): one word."""
    return query.normalized in word.readings or word.normalized in query.readings


def _named(word: Token | WordForms) -> bool:
    """True when a table knows the Arabic ``word`` (whole, without a clitic, or with the
    article it lacks: اهواز is the exonyms' الأهواز) as a word of a name
    (known_names.names_a_word), or it is the world's spelling of a famous name's."""
    forms = written_and_bare(word)
    forms += tuple(ARTICLE + form for form in forms if not form.startswith(ARTICLE))
    return known_names.names_a_word(forms) or world_spelt(forms)


def unnamed_word(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when the written ``word`` is an ordinary Arabic word (Zipf COMMON_ZIPF or more,
    whole or without a clitic) that no table knows as a word of a name, and at least as
    common in Arabic as the Latin query word is in Latin text: asked alone, such a word
    must spell the name surely (LONE_UNNAMED_CONFIDENCE).  On the tune half of
    prose_msa.jsonl, 22 of the 98 absent Latin names that returned anything found only such
    words at 0.80-0.90 (Eagan = أكان, Selb = السلب, Urdu = أورد, Chingola = شغله, Laibi =
    لاعبي); names spelt so are rarer (3 of the 1,957 Latin -> Arabic queries lost: Ghafl =
    غافل, Menaa = منعة, Alaşehir = آلاشهر).  A name as common in Latin text keeps its
    spelling (Evans = إيفانز).  Beside the rest of a name it needs no more."""
    return query.script == LATIN and _unnamed(query, word, COMMON_ZIPF, UNNAMED_GAP)


def ordinary_beside(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when the written ``word``, a spelling of the Latin ``query`` beside the rest of
    the name, is an ordinary word there: whole, BESIDE_COMMON_ZIPF common, without the
    article, and no table knows it as a word of a name.  رجلا ("a man", 0.65) is no
    Fardjallah beside حسين, in the 20 hadith of prose.jsonl it found.  A name's word stays
    (عبد for Abdullah, وادي for Oued), and so does a word with the article, as Arabic names
    write their second element: الرسول of Abdulrasool = عبد الرسول, الذهب of Aïn Deheb =
    عين الذهب (each lost on the report half without it)."""
    return (query.script == LATIN and word_zipf(word.normalized) >= BESIDE_COMMON_ZIPF
            and not word.normalized.startswith(ARTICLE)
            and not known_names.names_a_word((word.normalized,)))


def _other_word(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when the weak spelling ``word`` ("other spelling?") is another word than the
    well-known Latin name ``query`` (known_names.well_attested), whose spellings the table
    lists: an ordinary word (_ordinary) that holds none of them.  Anas = أنس, not الناس
    "the people"; Ammar = عمار, not عمر nor أمر "order"; Michael = ميكائيل, not مشعل;
    whether or not the corpus holds the known spelling (Ammar found عمر in 10 documents of
    prose_msa.jsonl, which has no عمار).  For a name the table knows less well, only an
    ordinary word commoner than its known spellings (_commoner_than_known)."""
    return _ordinary(word) and not _holds_known(query, word) and _commoner_than_known(query, word)


def _commoner_than_known(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when the tables know ``query`` well (known_names.known_well: Redha = رضا, a
    well-known name's spelling, not رضى "contentment"; or a place the exonym table names),
    or when the written word is KNOWN_MARGIN Zipf steps commoner than the commonest known
    spelling of the name: its frequency is then its own, as with
    بمدينة (5.8) for Boumediene (بومدين, 3.1) or شرف ("honour", 4.7) for Charef (شارف,
    3.3), while سيباستيان (3.6) is as common as Sebastian's سباستيان (3.6): another
    spelling of the name, not another word."""
    latin = query.normalized
    if known_names.known_well(latin):
        return True
    known = max((word_zipf(spelling) for spelling in known_spellings(latin)), default=0.0)
    return _commonness(word) - known >= KNOWN_MARGIN


def _spelt_apart(word: Token | WordForms) -> bool:
    """True when the written ``word`` is no Arabic word we know of: in no word list
    (_commonness 0), with no clitic reading (فيسحر is ف + يسحر "bewitches"), and at least
    SPELT_LETTERS long; a name spelt letter for letter by it is that name's spelling."""
    return (word.script == ARABIC and not word.readings and _commonness(word) == 0
            and len(word.normalized) >= SPELT_LETTERS)


def _not_as_the_world_writes(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when the Latin ``query`` is a famous name that the name table does not know
    (known_names.known_spellings) and the world writes (fame.world_spellings), and the
    written word, whole or without a clitic, is not near that spelling (WORLD_NEAR).  The
    press writes Putin بوتين and Biden بايدن; where a corpus lacks them, البطين ("the
    ventricle", 129 documents of prose.jsonl at 0.95) and بدن ("body") were found instead,
    as were الذاكرون for Macron and كنتن for Clinton.  Not after an article (another_word's
    ``shows_article``): Al-Fath is الفتح, an Arabic word, whatever a person named Fath is."""
    world = world_spellings(query.normalized)
    if not world or word.script != ARABIC or known_spellings(query.normalized):
        return False  # a Latin written word is compared as Latin (Waldhausser)
    return not any(one_name_likeness(spelling, form) >= WORLD_NEAR
                   for spelling in world for form in written_and_bare(word))


def _pronoun_for_marbuta(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when the ``query`` ends in a final ة (:func:`_ends_in_marbuta`) and the written
    word ends in ه where, whole or without a clitic, that is mostly another word than the
    ة-spelling (marbuta.heh_is_another_word): Jeddah is جدة, not جده "his grandfather";
    Rahma رحمة, not رحمه "had mercy on him"; Oujda وجدة, not وجده "found him"; the Arabic
    جدة not وجده.  Gaza keeps غزه and Misrata مصراته, the name with its dots left off."""
    return (_ends_in_marbuta(query) and word.script == ARABIC and word.exact.endswith(HEH)
            and any(map(heh_is_another_word, written_and_bare(word))))


def _ends_in_marbuta(query: Token | WordForms) -> bool:
    """A Latin query word ending as a final ة is spelt (LATIN_MARBUTA_ENDINGS), an Arabic
    one written with a final ة it means (readings.meant_dots, as its written tiers ask it)."""
    if query.script == LATIN:
        return query.normalized.endswith(LATIN_MARBUTA_ENDINGS)
    return query.script == ARABIC and meant_dots(query)


def _place_behind_article(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when the Latin ``query`` names a place the exonym table writes without the
    article (known_names.articleless_spellings), no person's name the table knows well, and
    the written word is that spelling behind the article, which the place never takes
    (known_names.takes_article): Hama is حماة, not الحمأة "the mud"; Bukhara بخارى, not
    البخاري (al-Bukhari, 7,284 documents of prose.jsonl); Qods قدس, not القدس.  Not when
    the Latin shows the article itself (Al-Hama)."""
    places = articleless_spellings(query.normalized)
    return (bool(places) and word.script == ARABIC and not query.normalized.startswith(LATIN_ARTICLES)
            and not known_names.well_known_name(query.normalized)
            and any(behind_article(word.normalized, place) for place in places))


def _no_name(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when the written word is a common word (Zipf NO_NAME_ZIPF or more, whole or
    without a clitic) that no table knows as a word of a name (known_names.name_words)
    and that is FAME_GAP commoner than the Latin query word is in Latin text
    (fame.latin_zipf): Calama is not كلمة ("word"), Toride not تريد, Kuna not كونه,
    though each is spelt letter for letter, while Trump is ترامب and Bill بيل.  Such a
    word still counts beside the rest of a name."""
    return _unnamed(query, word, NO_NAME_ZIPF, FAME_GAP)


def _unnamed(query: Token | WordForms, word: Token | WordForms, least_zipf: float, gap: float) -> bool:
    """True when the written word is this common (Zipf ``least_zipf``, whole or without a
    clitic), no table knows it as a word of a name (known_names.name_words), and it is
    ``gap`` Zipf steps commoner than the Latin query word is in Latin text (fame.latin_zipf):
    the one test of _no_name and unnamed_word, at their own bars."""
    common = _commonness(word)
    return (common >= least_zipf and not known_names.names_a_word(written_and_bare(word))
            and common - latin_zipf(query.exact) >= gap)


def _article_shown(query: Token | WordForms, word: Token | WordForms, shows_article: bool) -> bool:
    """True when the Latin query shows the article the written word begins with (Elfanan
    = الفنان, Al Madinah = المدينة): it transliterates an Arabic word, ordinary or not."""
    return word.normalized.startswith(ARTICLE) and (
        shows_article or query.normalized.startswith(LATIN_ARTICLES))


def _holds_known(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when ``word``, whole or without a clitic, is a known spelling of ``query``."""
    return not known_spellings(query.normalized).isdisjoint(written_and_bare(word))


def _ordinary(word: Token | WordForms) -> bool:
    """True when the written word, or what remains of it without a clitic, is in the word
    list (Zipf COMMON_ZIPF or more): الناس, أمر, محمد.  A rarer written word, most often a
    name the table does not know (معدنلي for Madanly), keeps its confidence."""
    return _commonness(word) >= COMMON_ZIPF


def written_and_bare(word: Token | WordForms) -> tuple[str, ...]:
    """The written word and what remains of it without a clitic (normalized)."""
    return (word.normalized, *word.readings)


def _commonness(word: Token | WordForms) -> float:
    """The Zipf value of the commonest of the word's forms (written_and_bare)."""
    return max(word_zipf(form) for form in written_and_bare(word))
