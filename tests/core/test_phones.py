from generator.core import phones


def test_mobiles_and_landlines_are_normalised() -> None:
    assert phones.normalise("139-1234 5678") == "139 1234 5678"
    assert phones.normalise("0873 6621234") == "0873-6621234"
    assert phones.normalise("010-12345678") == "010-12345678"
    assert phones.tel_href("0873-0610102") == "tel:08730610102"


def test_malformed_numbers_are_refused() -> None:
    for bad in ("12912345678", "1391234567", "873-6621234", "110", "电话", "0873-66212345678"):
        assert phones.normalise(bad) is None, bad
    assert phones.normalise("110", allow_service=True) == "110"
