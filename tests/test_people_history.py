"""Office holders of 1977-2000 (data/actors/people_history.tsv) and of 1977 to about 1990 for 35 more states
(people_history_b.tsv): news from before 2000 names them, and their namesakes of later years must still resolve as
before."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import REPO

FILES = ("people_history.tsv", "people_history_b.tsv")


def _ids(name: str) -> set[str]:
    lines = (REPO / "thucydides" / "data" / "actors" / name).read_text("utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")}


@pytest.mark.parametrize("name", FILES)
def test_every_person_held_a_listed_office_in_the_period(actor_dictionary, name):
    for entity in _ids(name):
        person = actor_dictionary.people[entity]
        rows = [r for r in person.roles if r.source.startswith(name + ":")]
        assert rows, entity
        for role in rows:
            assert role.start is not None and role.start <= date(2000, 12, 31), (entity, role.source)
            assert role.end is not None and role.end >= date(1977, 1, 1), (entity, role.source)


@pytest.mark.parametrize("name", FILES)
def test_a_persons_rows_never_overlap(actor_dictionary, name):
    for entity in _ids(name):
        ours = [r for r in actor_dictionary.people[entity].roles if r.source.startswith(name + ":")]
        for role in ours:
            for other in actor_dictionary.people[entity].roles:
                if other is role or other.start is None or role.start is None:
                    continue
                overlap = role.start < (other.end or date.max) and other.start < (role.end or date.max)
                assert not overlap, (entity, role.source, other.source)


# (sentence, article date, mention as written, expected code, expected person id or None)
CASES = [
    # the 1980s, where the later files know no one or the wrong namesake
    ("President Reagan met Prime Minister Nakasone in Washington.", "1987-03-18",
     "President Reagan", "USAGOV", "ronald-reagan"),
    ("President Reagan met Prime Minister Nakasone in Washington.", "1987-03-18",
     "Prime Minister Nakasone", "JPNGOV", "yasuhiro-nakasone"),
    ("Thatcher said Britain would not bargain over the islands.", "1985-04-01", "Thatcher", "GBRGOV",
     "margaret-thatcher"),
    ("Kohl told the deputies that unity would come one day.", "1988-04-01", "Kohl", "DEUGOV", "helmut-kohl"),
    ("Chancellor Helmut Schmidt met President Valery Giscard d'Estaing in Paris.", "1979-03-01",
     "President Valery Giscard d'Estaing", "FRAGOV", "valery-giscard-destaing"),
    ("Mitterrand named a new cabinet on Tuesday.", "1988-05-12", "Mitterrand", "FRAGOV", "francois-mitterrand"),
    ("Foreign Minister Hans-Dietrich Genscher arrived in Moscow.", "1988-01-20",
     "Foreign Minister Hans-Dietrich Genscher", "DEUGOV", "hans-dietrich-genscher"),
    ("Vice President George Bush landed in Tokyo.", "1987-03-18", "Vice President George Bush", "USAGOV",
     "george-h-w-bush"),
    ("Secretary of State George Shultz flew to Moscow.", "1987-10-21", "Secretary of State George Shultz",
     "USAGOV", "george-shultz"),
    ("Fed chairman Paul Volcker raised interest rates again.", "1981-10-21", "Paul Volcker", "USAGOV",
     "paul-volcker"),
    ("Deng Xiaoping received the trade delegation.", "1985-10-21", "Deng Xiaoping", "CHNGOV", "deng-xiaoping"),
    ("Prime Minister Indira Gandhi spoke in New Delhi.", "1983-01-20", "Prime Minister Indira Gandhi", "INDGOV",
     "indira-gandhi"),
    ("President Zia ul-Haq promised elections.", "1985-01-20", "President Zia ul-Haq", "PAKGOV",
     "muhammad-zia-ul-haq"),
    ("President Anwar Sadat flew to Jerusalem.", "1977-11-19", "President Anwar Sadat", "EGYGOV", "anwar-sadat"),
    ("Ayatollah Khomeini rejected the offer.", "1980-06-01", "Ayatollah Khomeini", "IRNGOV", "ruhollah-khomeini"),
    ("Jordan's King Hussein flew to Baghdad.", "1990-10-01", "Jordan's King Hussein", "JORGOV", "king-hussein"),
    ("Arafat spoke to the UN General Assembly.", "1988-12-13", "Arafat", "PSEGOV", "yasser-arafat"),
    ("Prime Minister Bob Hawke called an early election.", "1987-06-01", "Prime Minister Bob Hawke", "AUSGOV",
     "bob-hawke"),
    ("President Chun Doo-hwan arrived for talks.", "1984-09-06", "President Chun Doo-hwan", "KORGOV",
     "chun-doo-hwan"),
    ("Nelson Mandela walked out of prison.", "1990-02-11", "Nelson Mandela", "ZAF", "nelson-mandela"),
    ("Boris Yeltsin dissolved the parliament.", "1993-09-21", "Boris Yeltsin", "RUSGOV", "boris-yeltsin"),
    # international offices
    ("World Bank President Barber Conable arrived in Brasilia.", "1988-02-11",
     "World Bank President Barber Conable", "IGOUNODEVWBK", "barber-conable"),
    ("Michel Camdessus said the loan would be released.", "1990-02-11", "Michel Camdessus", "IGOBUSIMF",
     "michel-camdessus"),
    ("Lord Carrington spoke in Brussels.", "1986-07-20", "Lord Carrington", "IGOWSTNAT", "lord-carrington"),
    ("Lord Carrington spoke in Brussels.", "1981-07-20", "Lord Carrington", "GBRGOV", "lord-carrington"),
    # people the later files already list, in earlier offices
    ("Prime Minister Jacques Chirac met the unions.", "1987-03-18", "Prime Minister Jacques Chirac", "FRAGOV",
     "jacques-chirac"),
    ("Prime Minister Romano Prodi won the vote.", "1997-10-07", "Prime Minister Romano Prodi", "ITAGOV",
     "romano-prodi"),
    ("Foreign Minister Javier Solana visited Rabat.", "1993-10-07", "Foreign Minister Javier Solana", "ESPGOV",
     "javier-solana"),
    # a bare surname: the holder on the date, else the only person of that name as a former office holder
    ("Reagan said the talks should go on.", "1995-04-01", "Reagan", "USAELI", "ronald-reagan"),
    ("Trudeau said Canada would bring its constitution home.", "1981-05-01", "Trudeau", "CANGOV", "pierre-trudeau"),
    ("Trudeau announced new sanctions.", "2023-06-01", "Trudeau", "CANGOV", "justin-trudeau"),
    ("Bush said the talks would go on.", "1990-06-01", "Bush", "USAGOV", "george-h-w-bush"),
    ("Bush said the talks would go on.", "2005-06-01", "Bush", "USAGOV", "george-w-bush"),
    # two former presidents of one country and that name: the one whose office is nearest the date
    ("Bush said the talks would go on.", "2023-06-01", "Bush", "USAELI", "george-w-bush"),
    ("Nakasone said the talks would go on.", "2008-12-01", "Nakasone", "JPNGOV", "hirofumi-nakasone"),
    ("Herzog signed the pardon.", "1990-08-16", "Herzog", "ISRGOV", "chaim-herzog"),
    ("Herzog signed the pardon.", "2023-08-16", "Herzog", "ISRGOV", "isaac-herzog"),
    ("Marcos signed the budget.", "1985-08-16", "Marcos", "PHLGOV", "ferdinand-marcos"),
    ("Marcos signed the budget.", "2023-08-16", "Marcos", "PHLGOV", "ferdinand-marcos-jr"),
    # namesakes of one country, none in office: the one whose office is nearest the date (actors/composing.py)
    ("Abe was shot while giving a speech.", "2022-07-08", "Abe", "JPNELI", "shinzo-abe"),
    ("Abe flew to Beijing for talks.", "1984-03-01", "Abe", "JPNGOV", "shintaro-abe"),
    ("Abe flew to Beijing for talks.", "1990-03-01", "Abe", "JPNELI", "shintaro-abe"),
    ("Xi, Marcos discuss expanding ties", "2022-01-15", "Marcos", "PHL", "ferdinand-marcos-jr"),
    ("Hatoyama visited Crimea.", "2015-03-10", "Hatoyama", "JPNELI", "yukio-hatoyama"),
    ("George Bush spoke at the library opening.", "2023-04-25", "George Bush", "USAELI", "george-w-bush"),
    ("President George Bush met Gorbachev in Malta.", "1989-12-02", "President George Bush", "USAGOV",
     "george-h-w-bush"),
    # rows left out on purpose keep the later namesake's surname free
    ("Falun Gong followers meditated in the park.", "1995-06-01", "Gong", None, None),
]


CASES_B = [
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
    # a surname of the surname-stoplist never resolves alone
    ("Banana exports rose sharply.", "1985-05-02", "Banana", None, None),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "on", "mention", "code", "entity"), CASES + CASES_B)
def test_office_holders_of_1977_2000(resolve, text, on, mention, code, entity):
    found = [m for m in resolve(text, on) if m.text == mention]
    if code is None:
        assert all(m.actor.code is None for m in found), [(m.text, m.actor.code) for m in found]
        return
    assert found, [m.text for m in resolve(text, on)]
    assert found[0].actor.code == code
    assert found[0].actor.entity == entity
