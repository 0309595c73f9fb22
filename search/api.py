def register_api():
    pass
