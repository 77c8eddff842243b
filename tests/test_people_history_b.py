"""Office holders of 1977 to about 1990 for 37 more countries (data/actors/people_history_b.tsv): news of the 1980s
names them, and their namesakes of later years must still resolve as before."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import REPO

HISTORY_B = REPO / "thucydides" / "data" / "actors" / "people_history_b.tsv"
SOURCE = "people_history_b.tsv"


def _ids() -> set[str]:
    lines = HISTORY_B.read_text("utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")}


def test_every_person_held_a_listed_office_in_the_period(actor_dictionary):
    for entity in _ids():
        person = actor_dictionary.people[entity]
        rows = [r for r in person.roles if r.source.startswith(SOURCE)]
        assert rows, entity
        for role in rows:
            assert role.start is not None and role.start <= date(2000, 12, 31), (entity, role.source)
            assert role.end is not None and role.end >= date(1977, 1, 1), (entity, role.source)


def test_a_persons_rows_never_overlap(actor_dictionary):
    for entity in _ids():
        ours = [r for r in actor_dictionary.people[entity].roles if r.source.startswith(SOURCE)]
        for role in ours:
            for other in actor_dictionary.people[entity].roles:
                if other is role or other.start is None or role.start is None:
                    continue
                overlap = role.start < (other.end or date.max) and other.start < (role.end or date.max)
                assert not overlap, (entity, role.source, other.source)


# (sentence, article date, mention as written, expected code, expected person id or None)
CASES = [
    # the late 1970s and the 1980s, where the later files knew no one
    ("President Febres Cordero met the union leaders.", "1987-03-18", "President Febres Cordero", "ECUGOV",
     "leon-febres-cordero"),
    ("President Victor Paz Estenssoro announced a new tin policy.", "1987-02-10",
     "President Victor Paz Estenssoro", "BOLGOV", "victor-paz-estenssoro"),
    ("Prime Minister Kebby Musokotwane opened the copper talks.", "1987-04-02",
     "Prime Minister Kebby Musokotwane", "ZMBGOV", "kebby-musokotwane"),
    ("Chancellor Bruno Kreisky received the visitors in Vienna.", "1979-06-15", "Chancellor Bruno Kreisky",
     "AUTGOV", "bruno-kreisky"),
    ("Foreign Minister Alois Mock flew to Ljubljana.", "1991-07-02", "Foreign Minister Alois Mock", "AUTGOV",
     "alois-mock"),
    ("Olof Palme spoke to the party congress.", "1984-09-20", "Olof Palme", "SWEGOV", "olof-palme"),
    ("Prime Minister Robert Muldoon defended the wage freeze.", "1982-07-01", "Prime Minister Robert Muldoon",
     "NZLGOV", "robert-muldoon"),
    ("Lange said nuclear ships would stay out of the harbours.", "1985-02-05", "Lange", "NZLGOV", "david-lange"),
    ("General Wojciech Jaruzelski declared martial law.", "1981-12-13", "General Wojciech Jaruzelski", "POLGOV",
     "wojciech-jaruzelski"),
    ("President Lech Walesa named a new cabinet.", "1992-07-11", "President Lech Walesa", "POLGOV",
     "lech-walesa"),
    ("Prime Minister Tadeusz Mazowiecki presented the budget.", "1990-01-03", "Prime Minister Tadeusz Mazowiecki",
     "POLGOV", "tadeusz-mazowiecki"),
    ("Mengistu Haile Mariam addressed the rally in Addis Ababa.", "1984-09-12", "Mengistu Haile Mariam", "ETHGOV",
     "mengistu-haile-mariam"),
    ("President Jaafar Nimeiri flew to Cairo.", "1983-05-01", "President Jaafar Nimeiri", "SDNGOV",
     "gaafar-nimeiry"),
    ("Habib Bourguiba dismissed his prime minister.", "1986-07-08", "Habib Bourguiba", "TUNGOV", "habib-bourguiba"),
    ("Idi Amin expelled the British diplomats.", "1977-03-01", "Idi Amin", "UGAGOV", "idi-amin"),
    ("President Milton Obote promised to restore order.", "1983-05-01", "President Milton Obote", "UGAGOV",
     "milton-obote"),
    ("Chiang Ching-kuo lifted martial law on the island.", "1987-07-15", "Chiang Ching-kuo", "TWNGOV",
     "chiang-ching-kuo"),
    ("Prime Minister Prem Tinsulanonda survived the coup attempt.", "1985-09-09",
     "Prime Minister Prem Tinsulanonda", "THAGOV", "prem-tinsulanonda"),
    ("Pham Van Dong received the Japanese envoy in Hanoi.", "1985-04-20", "Pham Van Dong", "VNMGOV",
     "pham-van-dong"),
    ("Prime Minister Andreas Papandreou threatened to close the bases.", "1987-03-28",
     "Prime Minister Andreas Papandreou", "GRCGOV", "andreas-papandreou"),
    ("Prime Minister Robert Mugabe opened the new parliament.", "1985-07-18", "Prime Minister Robert Mugabe",
     "ZWEGOV", "robert-mugabe"),
    ("Babrak Karmal appealed for national reconciliation.", "1982-01-10", "Babrak Karmal", "AFGGOV",
     "babrak-karmal"),
    ("President Jaime Lusinchi signed the debt accord.", "1987-02-27", "President Jaime Lusinchi", "VENGOV",
     "jaime-lusinchi"),
    ("Sheikh Rashid bin Saeed Al Maktoum opened the new port.", "1979-03-01", "Sheikh Rashid bin Saeed Al Maktoum",
     "AREGOV", "rashid-bin-saeed-al-maktoum"),
    ("President Belisario Betancur met the guerrilla envoys.", "1984-05-28", "President Belisario Betancur",
     "COLGOV", "belisario-betancur"),
    ("President Jose Napoleon Duarte met the rebel leaders.", "1987-10-04", "President Jose Napoleon Duarte",
     "SLVGOV", "jose-napoleon-duarte"),
    # people the later files already list, in earlier offices
    ("Prime Minister Wilfried Martens resigned.", "1980-04-03", "Prime Minister Wilfried Martens", "BELGOV",
     "wilfried-martens"),
    ("Sheikh Sabah al-Ahmad said Kuwait would not pay.", "1987-06-01", "Sheikh Sabah al-Ahmad", "KWTGOV",
     "sabah-al-ahmad-al-jaber-al-sabah"),
    ("President Hugo Banzer visited the mines.", "1977-05-01", "President Hugo Banzer", "BOLGOV", "hugo-banzer"),
    ("Prime Minister Sirimavo Bandaranaike lost the election.", "1977-07-21", "Prime Minister Sirimavo Bandaranaike",
     "LKAGOV", "sirimavo-bandaranaike"),
    # a bare surname: the holder on the date
    ("Kreisky said Austria would stay neutral.", "1980-02-01", "Kreisky", "AUTGOV", "bruno-kreisky"),
    ("Walesa said the strikes would go on.", "1993-05-20", "Walesa", "POLGOV", "lech-walesa"),
    ("Amin said the invaders would be crushed.", "1978-11-02", "Amin", "UGAGOV", "idi-amin"),
    # later namesakes still resolve as before
    ("Kenyatta said the election would go ahead.", "2017-08-01", "Kenyatta", "KENGOV", "uhuru-kenyatta"),
    ("Stoltenberg said the allies would send more air defence.", "2023-06-01", "Stoltenberg", "IGOWSTNAT",
     "jens-stoltenberg"),
    ("Andersson said Sweden would apply to join NATO.", "2022-05-15", "Andersson", "SWEGOV",
     "magdalena-andersson"),
    ("Duarte signed the budget.", "2005-06-01", "Duarte", "PRYGOV", "nicanor-duarte"),
    ("Amin said the vote was fair.", "2020-06-01", "Amin", "IDNGOV", "maruf-amin"),
    ("Papandreou announced the austerity package.", "2010-05-02", "Papandreou", "GRCGOV", "george-papandreou"),
    ("Karamanlis called an early election.", "2007-08-20", "Karamanlis", "GRCGOV", "kostas-karamanlis"),
    # rows left out on purpose keep common words free
    ("Banana exports rose sharply.", "1985-05-02", "Banana", None, None),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "on", "mention", "code", "entity"), CASES)
def test_office_holders_of_1977_1990(resolve, text, on, mention, code, entity):
    found = [m for m in resolve(text, on) if m.text == mention]
    if code is None:
        assert all(m.actor.code is None for m in found), [(m.text, m.actor.code) for m in found]
        return
    assert found, [m.text for m in resolve(text, on)]
    assert found[0].actor.code == code
    assert found[0].actor.entity == entity
