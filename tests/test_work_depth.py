"""A known work's angles carry their own reasons and the writer's own failing that each answers, so
that a draft about a work stays on the work instead of filling up with sentences that fit any film."""

from pathlib import Path

from click.testing import CliRunner

from tests.test_pupils import WORK
from xindegen.cli import main

PAIR = """        pairs:
          - problem: 读书时走马观花
            measure: 每读一章写几句心得
"""


def test_a_work_angle_takes_one_pair_and_no_fewer(tmp_path: Path) -> None:
    f = tmp_path / "works" / "ceshi.yaml"
    f.parent.mkdir()
    resolve = "        resolve: [多读好书]\n"
    one = WORK.replace("[少年]", "[成人]").replace(resolve, resolve + PAIR, 1)
    f.write_text(one, encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 0, res.output
    f.write_text(one.replace(PAIR, "        pairs: []\n"), encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path)])
    assert res.exit_code == 1
    assert f"{f}:18: works[0].angles[0].pairs: 至少需要 1 对 problem / measure" in res.output
