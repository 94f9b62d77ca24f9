"""Format-2 data: shipped sizes, truth markers (sources), validation with lines, user overrides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from xindegen.cli import main
from xindegen.compose.grammar import SLOT
from xindegen.compose.frame import LAW_GENRE
from xindegen.compose.rhetoric import KINDS, ROLES, load_rhetoric
from xindegen.paths import builtin_data_dir

# Slots a unit may use: the frame's, the angle's, the quotation's, the pack's, the material's and
# the brief's (b_…), and the phrase pools of kinds.yaml.
FRAME = {"name", "domain", "subject", "object", "occasion", "event", "read", "heard", "audience", "me", "piece", "org",
         "act"}
ANGLE = {"claim", "why", "fact", "means", "scene", "problem", "measure", "problem2", "measure2", "measure3",
         "resolve", "detail", "work_detail", "term"}
OTHER = {"cite", "quote", "author", "work", "source", "lead_sig", "lead_fact", "lead_means", "vision",
         "about", "work_said", "terms", "first_resolve", "m_point", "m_by", "m_name"}



def test_shipped_data_meets_the_promised_sizes(rh) -> None:
    assert len(rh.families) >= 15 and len(rh.titles) >= 20
    assert len(rh.quotes) >= 290
    assert set(rh.kinds) == set(KINDS)
    assert len(rh.packs) >= 40
    for pack in rh.packs.values():
        facts = len(pack.facts) + sum(len(a.facts) for a in pack.angles)
        facts += min((len(f.facts) for f in pack.focuses), default=0)  # a pack of many days: each day's own
        assert facts >= 3 or pack.key == LAW_GENRE, pack.key  # every pack carries facts; a law's genre knows no law
        for role in ROLES:
            assert sum(a.role == role for a in pack.angles) >= 2, (pack.key, role)
    for kind in rh.kinds.values():
        for role in ROLES:
            assert any(a.role == role for a in kind.angles), (kind.name, role)


def test_every_fact_and_quotation_has_a_source(rh) -> None:
    for pack in (*rh.packs.values(), *rh.categories.values()):
        focus_facts = (f for x in pack.focuses for f in x.facts)
        for fact in (*pack.facts, *(f for a in pack.angles for f in a.facts), *focus_facts):
            assert fact.source.strip() and fact.means.strip(), (pack.key, fact.text)
    texts = [q.text for q in rh.quotes]
    assert len(texts) == len(set(texts))
    for q in rh.quotes:
        assert q.kind == "proverb" or q.source, q.text
        assert q.point, q.text  # what it teaches, so the sentence after it can apply it
        assert not q.text.endswith("。") and "“" not in q.text


def test_every_pack_angle_finds_an_apt_quotation(rh) -> None:
    """A section's quotation is chosen by what its angle is about; most angles must find one."""
    for pack in rh.packs.values():
        for a in pack.angles:
            apt = [q for q in rh.quotes if a.role in q.roles and set(q.tags) & set(a.themes)]
            assert apt, (pack.key, a.term)


def test_units_use_only_known_slots_and_kinds_only_known_units(rh) -> None:
    for name, steps in rh.units.items():
        for alts, _ in steps:
            for alt in alts:
                for slot in SLOT.findall(alt):
                    assert slot in FRAME | ANGLE | OTHER or slot.startswith("b_") or slot in rh.phrases, (name, slot)


def test_families_give_equal_length_fillers(rh) -> None:
    for fam in rh.families.values():
        for slot, by_role in fam.slots.items():
            assert len({len(x) for fills in by_role.values() for x in fills}) == 1, (fam.name, slot)


BAD_PACK = """version: 2
name: 测试
kind: feild
aliases: [测试甲]
keywords: [测试, 检验, 考核]
domain: 测试
subject: [测试工作]
occasion: [测试培训]
audience: 党员干部
roles: [测试员]
themes: [学习, 不存在的标签]
keys: [质量, 标准, 规范]
facts: []
lead: [测试很重要。, 测试(重要|要紧]
closing: [做好测试, 抓好测试]
angles:
  - term: 质量意识
    role: thinking
    themes: [学习]
    claim: 质量是测试的生命
    why: [只有一句]
    scene: [测试的场景]
    pairs: []
    resolve: [做好测试]
"""


def test_data_check_reports_every_problem_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "ceshi.yaml").write_text(BAD_PACK, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1
    out = res.output
    f = str(tmp_path / "packs" / "ceshi.yaml")
    assert f"{f}:3: kind: 应为 study / campaign" in out
    assert f"{f}:4: aliases: 至少需要 2 项" in out
    assert f"{f}:11: themes[1]: 未知的主题标签“不存在的标签”" in out
    assert f"{f}:14: lead[0]: 末尾不要加标点" in out
    assert f"{f}:14: lead[1]: 括号不配对" in out
    assert f"{f}:21: angles[0].why: 至少需要 2 项" in out
    assert f"{f}:23: angles[0].pairs: 至少需要 2 对 problem / measure" in out
    assert "angles: 角色 ability 至少需要 2 个角度" in out
    assert f"{f}:13: facts: 主题包至少需要一条事实" in out
    assert "Traceback" not in out


def test_user_pack_and_quotes_add_to_the_builtin_data(tmp_path: Path, config_dir: Path) -> None:
    builtin = load_rhetoric()
    pack = builtin.packs["baomi_jiaoyu"]
    user = config_dir / "data"
    (user / "packs").mkdir(parents=True)
    src = builtin_data_dir() / "packs" / f"{pack.key}.yaml"
    text = src.read_text(encoding="utf-8").replace(f"name: {pack.name}", "name: 用户主题", 1)
    (user / "packs" / "yonghu.yaml").write_text(text, encoding="utf-8")
    (user / "quotes.yaml").write_text(
        "version: 2\nquotes:\n  - {text: 温故而知新，可以为师矣, author: null, work: 《论语·为政》, "
        "kind: classic, tags: [学习, 反思], roles: [ability], "
        "point: (温习|复习)旧知(能|就能)(得到|生出)新的(体会|理解)}\n",
        encoding="utf-8")
    mine = load_rhetoric()
    assert "yonghu" in mine.packs and mine.packs["yonghu"].name == "用户主题"
    assert len(mine.packs) == len(builtin.packs) + 1
    added = [q for q in mine.quotes if q.text == "温故而知新，可以为师矣"]
    assert len(added) == 1 and added[0].tags == ("学习", "反思") and added[0].roles == ("ability",)
    assert mine.version() != builtin.version()


def _pack_with_links(rh, texts: list[str]) -> str:
    """baomi_jiaoyu's file, renamed, with ``texts`` linked to every angle."""
    src = (builtin_data_dir() / "packs" / "baomi_jiaoyu.yaml").read_text(encoding="utf-8")
    src = re.sub(r"\n    quotes:\n(?:      - .*\n)+", "\n", src)  # the pack's own links
    links = "".join(f"\n      - {t}" for t in texts)
    return src.replace("name: 保密教育", "name: 用户主题", 1).replace("  - term: ", f"  - quotes:{links}\n    term: ")


def test_an_angle_links_quotations_of_the_bank(rh, config_dir: Path) -> None:
    from xindegen.compose.plan import compose
    from xindegen.compose.request import ComposeRequest

    texts = ["千丈之堤，以蝼蚁之穴溃", "天下大事，必作于细", "凡事豫则立，不豫则废"]
    assert all(t in rh.quote_by_text for t in texts)
    (config_dir / "data" / "packs").mkdir(parents=True)
    (config_dir / "data" / "packs" / "baomi_jiaoyu.yaml").write_text(_pack_with_links(rh, texts), encoding="utf-8")
    mine = load_rhetoric()
    assert all(a.quotes == tuple(texts) for a in mine.packs["baomi_jiaoyu"].angles)
    for seed in range(6):
        o = compose(ComposeRequest(topic="保密教育心得体会", seed=seed), rhetoric=mine)
        cited = [q.text for s in o.sections for q in s.quotes]
        assert cited and set(cited) <= set(texts), cited  # linked ones first, never the tag pool's


def test_a_link_to_a_quotation_not_in_the_bank_is_named(rh, tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "ceshi.yaml").write_text(_pack_with_links(rh, ["天下没有这句话"]), encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1
    assert "packs/ceshi.yaml: angles.0.quotes: 语录库中没有这一条：天下没有这句话" in res.output
    assert "Traceback" not in res.output


def test_a_pack_of_facts_borrows_angles_only_from_a_pack_that_has_them(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    law = (builtin_data_dir() / "packs" / "nengyuan_fa.yaml").read_text(encoding="utf-8")
    (tmp_path / "packs" / "ceshi.yaml").write_text(law.replace("angles_from: falv_xuexi", "angles_from: meiyou"),
                                                   encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1 and "packs/ceshi.yaml: angles_from: 没有可借用角度的主题包“meiyou”" in res.output
    assert "Traceback" not in res.output


def test_fingerprint_covers_names_and_content_not_location(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from xindegen.compose import rhetoric

    here = load_rhetoric().version()
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(builtin_data_dir(), elsewhere)
    monkeypatch.setattr(rhetoric, "builtin_data_dir", lambda: elsewhere)
    assert load_rhetoric().version() == here  # the same files installed in another place
    titles = elsewhere / "titles.yaml"
    titles.write_text(titles.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert load_rhetoric().version() != here


def test_loaded_rhetoric_is_read_only() -> None:
    """Every caller gets the same loaded data, so none may change it under another."""
    import dataclasses

    rh = load_rhetoric()
    pack = next(iter(rh.packs.values()))
    with pytest.raises(TypeError):
        rh.packs["mine"] = pack  # type: ignore[index]
    with pytest.raises(TypeError):
        rh.units["q_open"] = ()  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        pack.name = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rh.quotes = ()  # type: ignore[misc]
    assert isinstance(rh.quotes, tuple) and isinstance(pack.angles, tuple)
    assert load_rhetoric() is rh


def test_data_list_shows_families_packs_and_facts() -> None:
    res = CliRunner().invoke(main, ["data", "list"])
    assert res.exit_code == 0 and "gongfu" in res.output and "anquan_shengchan" in res.output
    assert "条事实" in res.output
    assert re.search(r"参观地 ([1-9]\d*) 处", res.output)  # sites counted apart from films and books
    assert re.search(r"anquan_jiaoyu +安全教育（\d+ 个角度；细目：[^）]*燃气", res.output)


def test_compiled_data_is_reused_rebuilt_on_change_and_never_trusted_unverified(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from xindegen.compose import rhetoric

    monkeypatch.setenv("XINDEGEN_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    shutil.copytree(builtin_data_dir(), data)
    monkeypatch.setattr(rhetoric, "builtin_data_dir", lambda: data)
    first = load_rhetoric()
    cached = list((tmp_path / "cache").glob("rhetoric-*.pickle"))
    assert len(cached) == 1
    rhetoric._load.cache_clear()

    def no_build(*_args: object) -> None:
        raise AssertionError("rebuilt although nothing changed")

    with monkeypatch.context() as m:
        m.setattr(rhetoric, "_build", no_build)
        again = load_rhetoric()  # from the cache: no YAML read
    assert again is not first and again.version() == first.version() and len(again.packs) == len(first.packs)
    with pytest.raises(TypeError):
        again.packs["x"] = first.packs["baomi_jiaoyu"]  # type: ignore[index]  # still read-only
    # a changed file: rebuilt, with the change
    titles = data / "titles.yaml"
    titles.write_text(titles.read_text(encoding="utf-8").replace("“{key}”二字重千钧", "“{key}”二字千钧重"),
                      encoding="utf-8")
    rhetoric._load.cache_clear()
    changed = load_rhetoric()
    assert any(t.pattern == "“{key}”二字千钧重" for t in changed.titles)
    # a damaged cache file: ignored, rebuilt, rewritten
    for f in (tmp_path / "cache").glob("rhetoric-*.pickle"):
        f.write_bytes(f.read_bytes()[:-10] + b"0123456789")
    rhetoric._load.cache_clear()
    assert load_rhetoric().version() == changed.version()


def test_a_kind_may_reword_only_an_existing_phrase(tmp_path: Path) -> None:
    src = (builtin_data_dir() / "kinds.yaml").read_text(encoding="utf-8")
    bad = src.replace("      peer: [同学]", "      peer: [同学]\n      pier: [码头]", 1)
    assert bad != src
    (tmp_path / "kinds.yaml").write_text(bad, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1
    assert "kinds.student.phrases.pier: phrases 中没有“pier”，类型只能改写已有的短语" in res.output


def test_a_focus_is_checked_like_the_rest(tmp_path: Path) -> None:
    """A focus needs keys, a scene and two pairs; two focuses of one name are named with their line."""
    from xindegen.compose.rhetoric import builtin_data_dir

    (tmp_path / "categories").mkdir()
    src = (builtin_data_dir() / "categories" / "anquan_jiaoyu.yaml").read_text(encoding="utf-8")
    bad = src + "  - name: 燃气\n    keys: [管道气]\n    pairs: []\n"
    (tmp_path / "categories" / "anquan_jiaoyu.yaml").write_text(bad, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    f = str(tmp_path / "categories" / "anquan_jiaoyu.yaml")
    line = bad.count("\n") - 2
    n = src.split("\nfocuses:\n", 1)[1].count("  - name: ")  # the appended focus comes after these
    assert res.exit_code == 1
    assert f"{f}:{line}: focuses[{n}].name: 重复：燃气" in res.output
    assert f"focuses[{n}].scene" in res.output and f"focuses[{n}].pairs: 至少需要 2 对 problem / measure" in res.output
    assert "Traceback" not in res.output



def test_every_fact_of_a_laws_pack_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """A law's own pack (angles_from) quotes articles word for word: each fact has a CONFIRMED row."""
    rows = confirmed_rows()
    laws = [p for p in rh.packs.values() if p.angles_from]
    assert len(laws) >= 9
    for pack in laws:
        for fact in pack.facts:
            assert (f"packs/{pack.key}.yaml", fact.text[:20]) in rows, (pack.key, fact.text)


def test_every_fact_of_the_donation_packs_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """s35: 无偿献血 and 造血干细胞捐献 quote the 献血法 and the 红十字会法 and state WHO's and the 中华骨髓库's dates:
    every fact, the angles' and the focuses' too, has a CONFIRMED row (docs/factcheck/packs-m-z.tsv)."""
    rows = confirmed_rows()
    for key in ("wuchang_xianxue", "zaoxue_ganxibao"):
        pack = rh.packs[key]
        facts = [*pack.facts, *(x for a in pack.angles for x in a.facts), *(x for f in pack.focuses for x in f.facts)]
        assert len(facts) >= 3, key
        for fact in facts:
            assert (f"packs/{key}.yaml", fact.text[:20]) in rows, (key, fact.text)


def test_every_fact_of_the_deputies_and_members_packs_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """s36: 人大代表履职 and 政协委员履职 quote the 宪法, the 代表法 (2025), the 政协章程 (2023) and the first
    statement of 全过程人民民主: every fact, the angles' and the focuses' too, has a CONFIRMED row
    (docs/factcheck/packs-m-z.tsv)."""
    rows = confirmed_rows()
    for key in ("renda_daibiao", "zhengxie_weiyuan"):
        pack = rh.packs[key]
        facts = [*pack.facts, *(x for a in pack.angles for x in a.facts), *(x for f in pack.focuses for x in f.facts)]
        assert len(facts) >= 3, key
        for fact in facts:
            assert (f"packs/{key}.yaml", fact.text[:20]) in rows, (key, fact.text)


def test_a_titles_keys_need_its_key_slot(tmp_path: Path) -> None:
    src = (builtin_data_dir() / "titles.yaml").read_text(encoding="utf-8")
    bad = src.replace("  # --- plain titles ---\n", "  # --- plain titles ---\n  - pattern: \"学习{name}的体会\"\n"
                      "    keys: [底线]\n", 1)
    assert bad != src
    (tmp_path / "titles.yaml").write_text(bad, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1
    assert "titles.yaml:29: titles[8].keys: 只有用到 {key} 的标题才能限定 keys" in res.output


def test_a_conditional_lead_line_needs_its_condition(tmp_path: Path) -> None:
    """A lead or closing sentence written as {text, …} fits some topics only: without when or unless it is an error."""
    (tmp_path / "packs").mkdir()
    pack = BAD_PACK.replace("lead: [测试很重要。, 测试(重要|要紧]",
                            "lead:\n  - text: 测试(很|十分)重要\n  - text: 测试(不可少|少不得)\n    unless: [小学]")
    (tmp_path / "packs" / "ceshi.yaml").write_text(pack, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    f = str(tmp_path / "packs" / "ceshi.yaml")
    assert f"{f}:15: lead[0]: 写成 text 的句子需要 when 或 unless" in res.output
    assert "lead[1]" not in res.output and "Traceback" not in res.output


def test_a_packs_lines_and_facts_may_be_for_some_topics_only(rh) -> None:
    """junxun: the university's lines and facts are not a 初一 pupil's, the pupil's not a freshman's."""
    pack = rh.packs["junxun"]
    first = next(x for x in pack.only if "大学生活的" in x.text)
    assert first.text in pack.lead and first.unless and not first.when
    assert pack.fits(first.text, "大学新生军训心得") and not pack.fits(first.text, "初一新生军训心得体会")
    assert pack.fits(pack.lead[1], "初一新生军训心得体会")  # a line without a condition fits any topic
    standard = next(x for a in pack.angles for x in a.facts if "军事课建设标准" in x.text)
    assert "初一" in standard.unless and "高一" in standard.unless


def test_volunteering_keeps_its_neighbourhood_out_of_every_focus(rh) -> None:
    """s35 (saihui helper): zhiyuan_fuwu's lists of words (`focus_words`, `event_words` …) are written out beside its
    focuses' keys; they must stay the same words, or a games or a river named by a key added later would get the old
    people at home again."""
    p = rh.packs["zhiyuan_fuwu"]
    keys = {f.name: set(f.keys) for f in p.focuses}
    event = keys["马拉松志愿服务"] | keys["赛会志愿服务"] | keys["会展志愿服务"]
    exam = keys["考试志愿服务"]
    eco = keys["河湖保护志愿服务"] | keys["植树志愿服务"] | keys["生态环保志愿服务"]
    children = keys["关爱儿童志愿服务"]
    every = event | exam | eco | children
    angles = {a.term: a for a in p.angles}
    for term in ("平等观念", "服务技能", "沟通能力", "精准服务", "结对帮扶"):
        assert set(angles[term].unless) == every, term
    for term, words in (("窗口意识", event), ("细节意识", exam), ("生态意识", eco), ("宣传引导", eco),
                        ("示范带动", eco), ("应急处置", event | exam), ("坚守岗位", event | exam)):
        assert set(angles[term].when) == words, term
    fenced = [x for x in p.only if x.unless]
    assert fenced and all(set(x.unless) == every for x in fenced)
    assert {frozenset(x.when) for x in p.only if x.when} == {frozenset(event), frozenset(exam), frozenset(eco)}
    assert all(set(f.unless) == every for f in (*p.facts, *angles["组织能力"].facts) if "3月5日" in f.text)


def test_every_fact_of_the_s36_meetings_and_rules_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """s36 (wenjian36): the 党内监督条例 pack and the focuses 中央金融工作会议, 中央经济工作会议 and 公民道德建设 quote
    meetings and documents: each of their facts has a CONFIRMED row (docs/factcheck/packs-*.tsv)."""
    rows = confirmed_rows()
    pack = rh.packs["dangnei_jiandu"]
    checked = [(f"packs/{pack.key}.yaml", x) for x in
               (*pack.facts, *(x for a in pack.angles for x in a.facts), *(x for f in pack.focuses for x in f.facts))]
    for where, owner, name in (("packs", rh.packs["jinrong_hegui"], "中央金融工作会议"),
                               ("packs", rh.packs["xi_jingji_sixiang"], "中央经济工作会议"),
                               ("categories", rh.categories["wenming_fengshang"], "公民道德建设")):
        focus = next(f for f in owner.focuses if f.name == name)
        checked += [(f"{where}/{owner.key}.yaml", x) for x in focus.facts]
    assert len(checked) >= 20
    for file, fact in checked:
        assert (file, fact.text[:20]) in rows, (file, fact.text)


def test_every_fact_of_the_new_health_focuses_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """helper weijian36 (s36): the 中医药法, 传染病防治法 and 母婴保健法 facts of the 中医药, 疾控 and 妇幼 focuses
    each have a CONFIRMED row (docs/factcheck/packs-m-z.tsv)."""
    rows = confirmed_rows()
    wanted = {"yiliao_weisheng": ("中医药", "疾控", "孕产期保健", "儿童保健", "妇幼保健"),
              "wenhua_chuancheng": ("中医药文化",)}
    for key, names in wanted.items():
        focuses = [f for f in rh.categories[key].focuses if f.name in names]
        assert len(focuses) == len(names), key
        for f in focuses:
            assert len(f.facts) >= 3, f.name
            for fact in f.facts:
                assert (f"categories/{key}.yaml", fact.text[:20]) in rows, (f.name, fact.text)


def test_every_fact_of_the_s36_days_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """s36 (jieri36): the focuses 妇女节, 丰收节, 医师节 and 警察节 tell founding acts and dates: each of their facts
    has a CONFIRMED row (docs/factcheck/packs-*.tsv)."""
    rows = confirmed_rows()
    checked = []
    for key, name in (("funv_quanyi_fa", "妇女节"), ("xiangcun_zhenxing", "丰收节"), ("yide_yifeng", "医师节"),
                      ("jingfeng_jingji", "警察节")):
        focus = next(f for f in rh.packs[key].focuses if f.name == name)
        assert len(focus.facts) >= 4, name
        checked += [(f"packs/{key}.yaml", x) for x in focus.facts]
    for file, fact in checked:
        assert (file, fact.text[:20]) in rows, (file, fact.text)


def test_every_fact_of_the_s36_party_life_packs_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """s36 (dangwu36): “学习强国”, “两优一先” and 党员冬训 state dates, a formulation and documents: each fact has a
    CONFIRMED row (docs/factcheck/packs-*.tsv)."""
    rows = confirmed_rows()
    for key in ("xuexi_qiangguo", "liangyou_yixian", "dangyuan_dongxun"):
        pack = rh.packs[key]
        facts = [*pack.facts, *(x for a in pack.angles for x in a.facts)]
        assert facts, key
        for fact in facts:
            assert (f"packs/{key}.yaml", fact.text[:20]) in rows, (key, fact.text)


def test_every_detail_of_the_enterprises_visited_is_recorded_as_checked(rh, confirmed_rows) -> None:
    """s36: the leading enterprises (works/sites-qiye.yaml) state founding years, figures of annual reports and
    dated events: each site's lead and each angle's detail has a CONFIRMED row (docs/factcheck/sites-qiye.tsv)."""
    rows = {text for f, text in confirmed_rows("sites-qiye.tsv") if f == "works/sites-qiye.yaml"}
    firms = [w for w in rh.works.values() if w.title in ("华为公司", "海尔集团", "比亚迪", "宁德时代")]
    assert len(firms) == 4
    for w in firms:
        assert any(r.startswith(f"{w.title} year {w.year}") for r in rows), w.title
        for a in w.angles:
            for d in a.detail:
                assert d[:20] in rows, (w.title, a.term)
