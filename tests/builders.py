"""Small hand-written articles for tests; never the research data."""

from __future__ import annotations

from briefing.models import Article
from briefing.sources.files import Document, parse_article

# Three short reports of one (invented) story. The bridge closure is reported by all three in
# different words; the mayor's budget only by the first; the ferry only by the third.
TRIO = {
    "a_gazette": (
        "Title: Harbour Bridge Shut After Cracks Found\nSource: River Gazette\nDate: 2024-04-02\n\n"
        "The Harbour Bridge was closed on Monday after engineers found cracks in two of its steel supports. "
        "City officials said repairs would take at least six weeks and cost about 4 million dollars. "
        "Mayor Lina Ortiz said the city budget would cover the repairs without new taxes. "
        "Traffic was diverted to the North Road, where drivers reported long delays during the evening rush."
    ),
    "b_courier": (
        "Title: Cracks Close Harbour Bridge\nSource: Daily Courier\nDate: 2024-04-02\n\n"
        "Engineers discovered cracks in two steel supports of the Harbour Bridge, which was shut on Monday. "
        "Repairs are expected to last six weeks or more, officials said, at a cost near 4 million dollars. "
        "Drivers faced long delays on the North Road, which now carries the diverted traffic. "
        "The bridge carries about 40,000 vehicles a day between the old town and the port district."
    ),
    "c_herald": (
        "Title: Bridge Closure Snarls Traffic\nSource: Evening Herald\nDate: 2024-04-03\n\n"
        "Cracks found by engineers in two steel supports forced the closure of the Harbour Bridge on Monday. "
        "The city will run an extra ferry between the old town and the port every twenty minutes until the bridge reopens. "
        "Ferry tickets will be free for commuters who show a monthly transit pass at the harbour terminal."
    ),
}


def article(id: str, text: str) -> Article:
    """An Article from a string, as if read from `<id>.txt`."""
    return parse_article(Document(id, f"{id}.txt", text))
