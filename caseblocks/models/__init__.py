from .actions import ActionCounter, PlacedAction
from .messages import DeliveryState, OutgoingMessage
from .submissions import Submission

__all__ = [
    "ActionCounter",
    "DeliveryState",
    "OutgoingMessage",
    "PlacedAction",
    "Submission",
]
