"""What the model is told: the rules once, then one part of the plan at a time.

Plain prose in, plain prose out: the model is asked for the body paragraphs of one part (the lead,
a section under its planned heading, the closing), given the heading, the section's point, the
quotations to cite with their sources, the facts it may use, the writer's own words, the length,
and a way of writing (the *approach*) that differs from draft to draft of a batch. A rewrite repeats
the request and names the faults found in the previous answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from .verify import PartPlan

RULES = (
    "引文只能用计划给出的，原文一字不改，并写明给出的出处；不得添加任何其他引文、名言、诗句、俗语或讲话原话，"
    "也不要给别的话加引号。",
    "书名号《》中的文件、法规、书籍、影片名称，以及日期、年份、数字和统计数据，只能用计划给出的，不得添加。",
    "不编造本人经历、具体事例、人物和单位；计划中的【……】占位原样保留，由作者本人填写。",
    "作者本人提供的情况按原话写入，不改动、不增添细节。",
    "只写正文段落：不写标题和小标题，不写“好的”“以下是”之类的话，不用列表和 Markdown，段落之间空一行。",
    "句子不重复，不照抄参考素材的句子；用自己的话写，前后连贯、具体，语气诚恳平实，符合心得体会的文体。",
)
SYSTEM = ("你是一位中文写作者，按照给定的写作计划，为一篇心得体会写其中一个部分的正文。\n\n必须遵守：\n"
          + "\n".join(f"{i}. {rule}" for i, rule in enumerate(RULES, 1)))

# Ways of writing a part, one per draft of a batch in turn; none asks for a fact the plan lacks.
APPROACHES = (
    "先讲道理，再联系岗位实际，最后落到自己的做法，层层递进",
    "从工作中常见的情形写起，由现象到原因，再到改进的办法",
    "以问题为导向：先点出容易出现的偏差，再说清怎样纠正",
    "从引文切入，先说它讲的道理，再说它对今天的启示，最后说怎样做",
    "用今昔对比的写法：学习之前怎样想、怎样做，学习之后有了哪些变化",
    "以设问开头，自问自答，语气恳切，结尾落到行动",
    "用辩证的写法，讲清两个方面的关系，再说怎样把握好分寸",
    "先对照检视自己的不足，再说认识上的收获，最后说今后的打算",
)

ROLES = {"lead": "导语：开头一到两段，点明活动或主题，表明态度，引出下文",
         "closing": "结尾：一段，总结全文，表明决心"}


def approach(variant: int) -> str:
    return APPROACHES[variant % len(APPROACHES)]


def messages(part: PartPlan, *, topic: str, title: str, outline_heads: Sequence[str], variant: int,
             faults: Sequence[str] = ()) -> list[dict[str, str]]:
    """The chat messages asking for ``part``; ``faults`` are those of the previous answer."""
    lines = [f"主题：{topic}", f"文章标题：{title}"]
    if outline_heads:
        heads = "；".join(f"{_cn(i + 1)}、{h}" for i, h in enumerate(outline_heads))
        lines.append(f"全文结构：导语；{heads}；结尾")
    lines.append("")
    if part.heading:
        lines.append(f"现在请写：{part.label}的正文（小标题“{part.heading}”已经排好，不要写出来）")
        center = part.heading + (f"（关键词：{part.term}）" if part.term and part.term not in part.heading else "")
        lines.append(f"本部分的中心：{center}")
    else:
        lines.append(f"现在请写：{ROLES.get(part.key, part.label + '的正文')}")
    lines.append(f"写法：{approach(variant)}")
    if part.cites:
        lines += ["", "必须引用的引文（原文一字不改，写明出处）："]
        lines += [f"- “{c.text}”" + (f"——{c.source}" if c.source else "") for c in part.cites]
    if part.facts:
        lines += ["", "可以使用的事实（只能用这些；书名、日期、数字和引号中的提法照原样写）："]
        lines += [f"- {f}" for f in part.facts]
    if part.brief:
        lines += ["", "作者本人提供的情况（按原话写入，一字不改）："]
        lines += [f"- {b}" for b in part.brief]
    if part.placeholders:
        lines += ["", "原样保留的占位（由作者本人填写）：" + "、".join(part.placeholders)]
    lines += ["", "参考素材（这一部分的初稿，可以借鉴其中的意思，但要用自己的话重写）：", *part.offline]
    lo, hi = part.bounds(0.1, 15)
    paras = len(part.offline)
    shape = "一段" if paras <= 1 else f" {max(1, paras - 1)} 至 {paras + 1} 段"
    lines += ["", f"篇幅：约 {part.target} 字（{lo}–{hi} 字），分{shape}。只输出正文。"]
    if faults:
        lines += ["", "上一次的回答有以下问题，这次务必改正：", *[f"- {f}" for f in faults]]
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "\n".join(lines)}]


def _cn(n: int) -> str:
    from ..text import chinese_numeral

    return chinese_numeral(n)
