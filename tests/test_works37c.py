"""Books and films people often write 读后感/观后感 about (helper lit37, s37): 《呼兰河传》, 《蛤蟆先生去看心理医生》,
《额尔古纳河右岸》, 《戏台》, 《热辣滚烫》, 《抓娃娃》. Each topic finds its work as people type it, drafts name
the work and tell its own scenes, none holds the slips an editor found in the first drafts, and every scene is
recorded as checked."""
from __future__ import annotations

import pytest

from xindegen.compose.frame import build_frame
from xindegen.compose.plan import compose
from xindegen.compose.request import ComposeRequest


@pytest.mark.parametrize("topic,title,work_kind,kind", [
    ("《呼兰河传》读后感", "呼兰河传", "book", "book"),
    ("读《呼兰河传》有感", "呼兰河传", "book", "book"),
    ("呼兰河传读后感", "呼兰河传", "book", "book"),
    ("读《蛤蟆先生去看心理医生》有感", "蛤蟆先生去看心理医生", "book", "book"),
    ("《蛤蟆先生去看心理医生》读后感", "蛤蟆先生去看心理医生", "book", "book"),
    ("《额尔古纳河右岸》读后感", "额尔古纳河右岸", "book", "book"),
    ("读《额尔古纳河右岸》有感", "额尔古纳河右岸", "book", "book"),
    ("《戏台》观后感", "戏台", "film", "film"),
    ("观看电影《戏台》心得体会", "戏台", "film", "film"),
    ("电影《热辣滚烫》观后感", "热辣滚烫", "film", "film"),
    ("热辣滚烫观后感", "热辣滚烫", "film", "film"),
    ("《抓娃娃》观后感", "抓娃娃", "film", "film"),
    ("观看电影抓娃娃心得体会", "抓娃娃", "film", "film"),
])
def test_the_topic_finds_its_work(rh, topic: str, title: str, work_kind: str, kind: str) -> None:
    f = build_frame(topic, rh)
    assert f.work is not None and f.work.title == title and f.work.kind == work_kind, f.explain()
    assert f.kind == kind, f.explain()


@pytest.mark.parametrize("topic", ["热辣滚烫的青春演讲稿心得", "过一个热辣滚烫的夏天心得", "抓娃娃机心得",
                                   "搭好群众文化戏台心得"])
def test_an_everyday_phrase_names_no_film(rh, topic: str) -> None:
    """热辣滚烫 and 抓娃娃 are everyday words too: named bare outside a film's topic they are no film."""
    assert build_frame(topic, rh).work is None


def test_who_reads_hulanhe(rh) -> None:
    """Pupils read 《呼兰河传》 (a pupil's draft unless an adult is named); 《额尔古纳河右岸》 is adults'."""
    assert build_frame("《呼兰河传》读后感", rh).pupil
    assert not build_frame("教师读《呼兰河传》有感", rh).pupil
    assert not build_frame("《额尔古纳河右岸》读后感", rh).pupil
    assert build_frame("初中生读《额尔古纳河右岸》有感", rh).pupil


OWN = {
    "《呼兰河传》读后感": ["祖父", "狗尾草", "泥坑", "冯歪嘴子", "小团圆媳妇", "倭瓜"],
    "读《蛤蟆先生去看心理医生》有感": ["苍鹭", "情绪温度计", "儿童自我状态", "船坞", "挑剔型父母", "獾"],
    "《额尔古纳河右岸》读后感": ["驯鹿", "希楞柱", "妮浩", "根河", "靠老宝"],
    "《戏台》观后感": ["侯喜亭", "洪大帅", "大嗓儿", "金啸天", "2015年"],
    "电影《热辣滚烫》观后感": ["杜乐莹", "昊坤", "100斤", "58.5公斤", "赢一次"],
    "《抓娃娃》观后感": ["马成钢", "马继业", "李春华", "家属院", "思想政治课"],
}
# Slips found reading the first drafts: a verb its object does not take, a doubled word, a clause that lost
# its subject, a pupil's 上学 in an adult's measure.
WRONG = ["告诉“我”听", "后花园、小团圆媳妇", "只会别人", "难就难是", "给她烫", "谁也觉得", "谁也认为",
         "受起外号", "能不能难过", "附和闹", "肯不倒下", "压抬不起头", "日子一样样做", "多多些", "围着泥坑边",
         "由河鼠", "将自己画在", "受了不中听", "却算蛤蟆", "变成每天", "我会别", "住拿", "礼数", "饭穿",
         "省着用用水", "面对他人的生死面前", "于她心里", "一方水土，得先走到他们", "走近它身边",
         "前前台后", "压上门口", "最丢掉", "吃饭问题", "临时变要求", "不合的之处", "拍成大银幕",
         "这不满足", "一年胜一点点", "记出", "吃上饭吃", "戏已经拉开", "并不为为了", "常一些",
         "只要赢一次", "近近", "为演这部角色", "教练指导之下", "好饿又累", "许诺自己的事", "给我定",
         "保镖扮成奶奶", "让惯坏了", "走路要要抱", "这一另一头", "说真话谈话", "却比日后", "留一个时间",
         "长得住", "影片里布置", "吃的累", "上学随身", "有人可取", "而一次次", "面谈里，他讲到",
         "负责只能是", "替他几条", "只有由", "受教练昊坤的影响下", "受拳击教练昊坤的影响下", "本事从不会",
         "一天一拳", "纵然累都", "赢过过去",
         "定进每天", "只定二十分钟", "常上节目里", "先做做完", "拍摄里", "率领五庆班", "还没吭声", "守住一个习惯",
         "为了被人甩了", "一大帮戏班", "此后演十年", "功夫不会到头", "难处再乱", "全是孩子看作", "全不曾想过",
         "布置的苦却演", "课余以后", "取够用的", "就先写一张", "这善良", "而来做事",
         "跟着祖父身后", "于玩闹", "犯什么事", "胜过什么锁", "彼此相互"]


@pytest.mark.parametrize("topic", sorted(OWN))
def test_drafts_tell_the_works_own_scenes(tells_its_own, topic: str) -> None:
    tells_its_own(topic, OWN[topic], WRONG)


def test_a_pupils_draft_of_hulanhe_holds_no_working_life(rh) -> None:
    for seed in range(1, 5):
        body = "".join(compose(ComposeRequest(topic="读《呼兰河传》有感", seed=seed), rhetoric=rh).body_paragraphs())
        assert not [w for w in ("工作", "岗位", "单位", "同事", "干部") if w in body], seed


TITLES = {"呼兰河传": ("book", "books-9"), "蛤蟆先生去看心理医生": ("book", "books-9"),
          "额尔古纳河右岸": ("book", "books-9"), "戏台": ("film", "films-10"), "热辣滚烫": ("film", "films-10"),
          "抓娃娃": ("film", "films-10")}


@pytest.mark.parametrize("title", sorted(TITLES))
def test_every_scene_is_recorded_as_checked(rh, confirmed_rows, title: str) -> None:
    """Each work's source and each angle's scene has a CONFIRMED row (docs/factcheck/works.tsv)."""
    rows = confirmed_rows("works.tsv")
    kind, name = TITLES[title]
    work = rh.works[f"{title}:{kind}"]
    assert len(work.angles) >= 4 and {a.role for a in work.angles} >= {"thinking", "ability", "action"}
    for angle in work.angles:
        assert (f"works/{name}.yaml", angle.detail[0][:20]) in rows, (title, angle.term)
