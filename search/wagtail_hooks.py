from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import IndexingFailure
from .views import (
    FailurePermissionPolicy,
    IndexingFailuresPanel,
    IndexingFailureViewSet,
)


@hooks.register("register_admin_viewset")
def register_indexing_failure_viewset():
    register_permission_policy(
        IndexingFailure, FailurePermissionPolicy(IndexingFailure), exact_class=True
    )
    return IndexingFailureViewSet()


@hooks.register("construct_homepage_panels")
def add_indexing_failures_panel(request, panels):
    if request.user.is_staff:
        count = IndexingFailure.objects.count()
        if count:
            panels.append(IndexingFailuresPanel(count))
