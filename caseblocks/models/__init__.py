from .actions import ActionCounter, PlacedAction
from .messages import DeliveryState, OutgoingMessage
from .submissions import Submission, SubmissionState
from .targets import ActionTarget

__all__ = [
    "ActionCounter",
    "ActionTarget",
    "DeliveryState",
    "OutgoingMessage",
    "PlacedAction",
    "Submission",
    "SubmissionState",
]
