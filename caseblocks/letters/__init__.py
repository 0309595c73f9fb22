"""Letters to officials that supporters print, sign and post (``render``, ``api``)."""
