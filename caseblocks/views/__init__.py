"""Staff views in the Wagtail admin: the action reports and the exports."""
