"""Paper sizes and where the address sits on them, in millimetres from the top left.

A4 follows DIN 5008 form B for C5/6 and DL window envelopes: the address field is
20 mm from the left edge and 45 mm from the top, 85 mm wide and 45 mm high. Its
first 17.7 mm are the zone for postal endorsements, left empty here, so the
address itself starts 62.7 mm from the top.

US Letter is folded in three for a No. 10 window envelope (9 1/2 × 4 1/8 in),
whose window is 4 1/2 × 1 1/8 in, 7/8 in from the left and 1/2 in from the bottom
edge of the envelope. A letter folded to the envelope's height shows through the
window the band from 2 1/8 to 3 1/4 in below its top, so the address field is
placed 1 in from the left (1/8 in inside the window's edge) and 2 1/8 in from the
top, 4 in wide and 1 1/8 in high.
"""

from dataclasses import dataclass

INCH = 25.4


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class Paper:
    name: str
    width: float
    height: float
    # The envelope's window, and the part of it the recipient's address fills.
    window: Box
    address: Box
    margin: float
    # The address's font size in points and line height in millimetres: the US
    # window has room for six lines, DIN 5008's for nine.
    address_size: float
    address_line: float


A4 = Paper(
    name="a4",
    width=210,
    height=297,
    window=Box(left=20, top=45, width=85, height=45),
    address=Box(left=20, top=62.7, width=85, height=27.3),
    margin=20,
    address_size=10,
    address_line=4.5,
)

LETTER = Paper(
    name="letter",
    width=8.5 * INCH,
    height=11 * INCH,
    window=Box(left=INCH, top=2.125 * INCH, width=4 * INCH, height=1.125 * INCH),
    address=Box(left=INCH, top=2.125 * INCH, width=4 * INCH, height=1.125 * INCH),
    margin=1 * INCH,
    address_size=9,
    address_line=4.4,
)

PAPERS = {paper.name: paper for paper in (A4, LETTER)}
