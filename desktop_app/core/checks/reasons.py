"""Why a content check decided as it did: one sentence per case, marked for translation.

Verdict reasons are stored in English (results.sqlite, the report, the CLI); the window
recognises each stored sentence by its template (``phrases.recognise``) and says it in the
user's language. Change a template only with its translation: old results keep the old wording
and are then shown in English.
"""

from __future__ import annotations

from desktop_app.core.phrases import translate

DECLINES = translate("CheckReasons", "The answer declines or says it does not know.")
YES_NO_FLIPPED = translate(
    "CheckReasons", "The answer says yes where the expected answer says no, or the other way round."
)
NO_AMOUNT = translate("CheckReasons", "The answer gives no number or amount at all where a number is expected.")
NO_NUMBER_IN_UNIT = translate(
    "CheckReasons",
    "The answer gives no number in the unit of the expected answer; text alone cannot tell whether it says the same.",
)
SAME_DATE = translate("CheckReasons", "The answer gives the expected date ({date}).")
DATE_DENIED = translate(
    "CheckReasons", "The answer mentions the expected date but denies it or offers it as one of several."
)
OTHER_DATE = translate("CheckReasons", "The answer gives another date ({got}) than the expected {want}.")
OTHER_YEAR_MONTH = translate("CheckReasons", "The answer gives another year or month than the expected {want}.")
DATE_NO_DAY = translate("CheckReasons", "The answer gives the month or year of the expected date but not the day.")
NO_DATE = translate("CheckReasons", "The answer gives no date; text alone cannot tell whether it says the same.")
OTHER_VALUE = translate("CheckReasons", "The answer gives {got}, not the expected {want}.")
SAYS_FREE = translate("CheckReasons", "The answer says it is free; the expected answer is {want}.")
VALUE_DENIED = translate("CheckReasons", "The answer denies {want}.")
VALUE_HEDGED = translate("CheckReasons", "The answer offers {want} as one of several candidates.")
VALUE_FOR_OTHER = translate("CheckReasons", "The answer gives {got} for what was asked, not the expected {want}.")
SAME_VALUES = translate("CheckReasons", "The answer gives the expected {values}.")
OTHER_UNITS = translate("CheckReasons", "The answer gives the expected amount in other units ({got}).")
AMOUNT_DENIED = translate(
    "CheckReasons", "The answer gives the expected amount but denies it or offers it as one of several."
)
STATES = translate("CheckReasons", "The answer states the expected answer.")
DENIES = translate("CheckReasons", "The answer denies the expected answer.")
HEDGES = translate("CheckReasons", "The answer offers the expected answer as one of several candidates.")
STATES_RESPACED = translate("CheckReasons", "The answer states the expected answer (spaced or punctuated differently).")
NOTHING_TO_FIND = translate("CheckReasons", "The expected answer has no words to look for.")
OTHER_CODE = translate("CheckReasons", "The answer gives another code or model number than the expected one.")
EVERY_WORD = translate("CheckReasons", "The answer holds every word of the expected answer.")
SOMETHING_ELSE = translate(
    "CheckReasons", "The answer says something else: it shares no word with the expected answer."
)
SOME_WORDS = translate(
    "CheckReasons",
    "The answer shares {found} of {total} words with the expected answer; text alone cannot "
    "tell whether it says the same.",
)
IS_EXPECTED = translate("CheckReasons", "The answer is the expected answer.")
NOT_LABEL = translate("CheckReasons", "The answer is not the expected label.")
EVERY_VALUE = translate("CheckReasons", "The answer gives every value of the expected answer.")
OVERLAP = translate(
    "CheckReasons", "The answer has {overlap}% word overlap with the expected answer (needs {needed}%)."
)
LOW_OVERLAP = translate(
    "CheckReasons",
    "The answer has only {overlap}% word overlap with the expected answer (needs {needed}%); "
    "text alone cannot tell whether it says the same.",
)

ALL = tuple(v for k, v in dict(globals()).items() if k.isupper() and not k.startswith("_") and k != "ALL")
