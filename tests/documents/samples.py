# ruff: noqa: E501  (sample document text keeps its long lines)
"""Small UN-style texts for import tests (not corpus files)."""

RESOLUTION = """United Nations

A/RES/75/999

General Assembly

Distr.: General
12 January 2021

Seventy-fifth session
Agenda item 105

Resolution adopted by the General Assembly on 16 December 2020
[on the report of the Third Committee (A/75/478)]

75/999. Improving the coordination of efforts against trafficking in persons
The General Assembly,
Recalling its resolution 72/195 of 19 December 2017,
Deeply concerned by the effect of the pandemic on victims of trafficking in persons,
1. Urges Member States to ratify the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children;
2. Requests the Secretary-General to submit a report on the implementation of the present resolution to the General Assembly at its seventy-seventh session;
3. Decides to remain seized of the matter.

46th plenary meeting
16 December 2020
"""


def edited(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)
