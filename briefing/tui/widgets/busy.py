"""The busy indicator beside the header, shown at once or only once work outlasts a moment."""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import LoadingIndicator

# Seconds of work over a briefing shown before the indicator says it is under way: + and - or
# another algorithm take a tenth of a second, and an indicator shown and hidden for them laid
# the screen out twice more, which made them slower.
SPIN_AFTER = 0.3


class Busy(LoadingIndicator):
    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None

    def spin(self, on: bool, after: float = 0) -> None:
        """On or off now; with `after`, on that many seconds from now (from the first such call,
        however many follow: each progress report makes one), unless turned off by then."""
        if on and after and (self.display or self._timer is not None):
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if on and after:
            # The app's timer: one of a widget that is not displayed never fires.
            self._timer = self.app.set_timer(after, lambda: self.spin(True))
        else:
            self.display = on
