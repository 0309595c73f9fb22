from .actions import ActionCounter, PlacedAction
from .messages import DeliveryState, OutgoingMessage
from .submissions import Submission, SubmissionState

__all__ = [
    "ActionCounter",
    "DeliveryState",
    "OutgoingMessage",
    "PlacedAction",
    "Submission",
    "SubmissionState",
]
