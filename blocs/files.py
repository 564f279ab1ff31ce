from campaigns.files import random_name


def upload_agreement(instance, filename: str) -> str:
    return random_name("blocs/agreements")(instance, filename)
