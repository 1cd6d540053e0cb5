"""考核: a unit's score for a period from counts of how its work went, by the office's scheme.

The scheme is the office's own (it counts in the units' annual 效能考核), so it is data kept
in the ledger, not code: a base (100), a floor (0) and one rule per count, each with points per
occurrence (negative for a deduction). The calculation is written out per unit so a unit that
asks why it has 93 can be shown ``100 − 2×3（逾期未完成）− 1×1（迟报）= 93``.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from planner_desktop.errors import Location, UserFixableError
from planner_desktop.i18n import tr

# The counts a rule can weigh, in the order the table shows them.
COUNTS: dict[str, str] = {
    "assigned": "承担事项",
    "on_time": "按时完成",
    "within_extension": "延期内完成",
    "late": "逾期完成",
    "overdue": "逾期未完成",
    "reports_on_time": "按时报送",
    "reports_late": "迟报",
    "reports_missing": "未报送",
    "slips": "督办单",
    "targets_reached": "指标达成",
    "targets_tracked": "跟踪指标",
}


@dataclass(frozen=True)
class Rule:
    key: str  # one of COUNTS
    name: str
    per: str  # 每项 / 每次 / 每份 / 每个
    points: float


@dataclass(frozen=True)
class Scheme:
    base: float = 100.0
    floor: float = 0.0
    rules: tuple[Rule, ...] = ()

    def to_json(self) -> dict:
        return {"base": self.base, "floor": self.floor,
                "rules": [{"key": r.key, "name": r.name, "per": r.per, "points": r.points}
                          for r in self.rules]}

    def describe(self) -> str:
        """The scheme in one line, as written above the exported table."""
        parts = [tr("基础分 {base} 分").format(base=number_text(self.base))]
        parts += [f"{r.name}{r.per}{'+' if r.points > 0 else '−'}{number_text(abs(r.points))}分"
                  for r in self.rules if r.points]
        parts.append(tr("最低 {floor} 分").format(floor=number_text(self.floor)))
        return tr("评分规则：") + "；".join(parts) + "。"


DEFAULT_SCHEME = Scheme(100.0, 0.0, (
    Rule("overdue", "逾期未完成", "每项", -2.0),
    Rule("late", "逾期完成", "每项", -1.0),
    Rule("within_extension", "延期内完成", "每项", 0.0),
    Rule("reports_late", "迟报", "每次", -1.0),
    Rule("reports_missing", "未报送", "每次", -2.0),
    Rule("slips", "收到督办单", "每份", -1.0),
    Rule("targets_reached", "指标达成", "每个", 0.5),
))

SETTING_KEY = "assessment.scheme"


class SchemeError(UserFixableError, ValueError):
    """A scheme file or table the program cannot use (also a ValueError)."""


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _points(value: object, rule: str, where: Location | None) -> float:
    if isinstance(value, bool):
        value = None
    try:
        number = float(str(value).strip().replace("＋", "+").replace("－", "-").replace("−", "-"))
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise SchemeError(tr("评分规则“{rule}”的分值“{value}”不是数字，请填写数字（扣分写负数，如 -2）。")
                          .format(rule=rule, value="" if value is None else value), where)
    return number


def scheme_from_rows(rows: Iterable[Mapping[str, object]], *, base: object = 100, floor: object = 0,
                     file: str | None = None) -> Scheme:
    """A scheme from rule rows (``key`` or a ``name`` the counts know, ``per``, ``points``);
    every value is checked, so a scheme is whole or refused."""
    names = {v: k for k, v in COUNTS.items()} | {r.name: r.key for r in DEFAULT_SCHEME.rules}
    rules = []
    for number, row in enumerate(rows, start=1):
        where = Location(file=file, row=number) if file else None
        name = str(row.get("name") or "").strip()
        key = str(row.get("key") or "").strip() or names.get(name, "")
        if key not in COUNTS:
            raise SchemeError(tr("评分规则“{rule}”不是可计分的项目；可用：{known}。")
                              .format(rule=name or key, known="、".join(COUNTS.values())), where)
        rules.append(Rule(key, name or COUNTS[key], str(row.get("per") or "每项").strip(),
                          _points(row.get("points"), name or COUNTS[key], where)))
    return Scheme(_points(base, tr("基础分"), None), _points(floor, tr("最低分"), None), tuple(rules))


def scheme_from_json(data: object, file: str | None = None) -> Scheme:
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list) \
            or not all(isinstance(r, dict) for r in data["rules"]):
        raise SchemeError(tr("评分规则文件的格式不对：应为含 base、floor 和 rules（规则列表）的 JSON。"),
                          Location(file=file) if file else None)
    return scheme_from_rows(data["rules"], base=data.get("base", 100), floor=data.get("floor", 0),
                            file=file)


_CSV_HEADERS = {"key": "key", "规则": "name", "name": "name", "名称": "name", "计分单位": "per",
                "per": "per", "每": "per", "分值": "points", "points": "points"}


def scheme_from_text(text: str, file: str) -> Scheme:
    """A scheme file: JSON as saved, or CSV with columns 规则,计分单位,分值 (a 基础分 / 最低分 row
    sets the base / floor)."""
    if text.lstrip().startswith("{"):
        try:
            return scheme_from_json(json.loads(text), file)
        except json.JSONDecodeError as exc:
            raise SchemeError(tr("评分规则文件不是有效的 JSON（第 {line} 行）。").format(line=exc.lineno),
                              Location(file=file)) from exc
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    rows, base, floor = [], 100, 0
    for raw in reader:
        row = {_CSV_HEADERS.get((k or "").strip(), k): v for k, v in raw.items()}
        name = str(row.get("name") or "").strip()
        if name == "基础分":
            base = row.get("points")
        elif name == "最低分":
            floor = row.get("points")
        elif name or row.get("key"):
            rows.append(row)
    return scheme_from_rows(rows, base=base, floor=floor, file=file)


@dataclass(frozen=True)
class UnitCounts:
    unit_id: int
    unit_name: str
    unit_kind: str
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, key: str) -> int:
        return self.counts.get(key, 0)


@dataclass(frozen=True)
class Score:
    unit: UnitCounts
    score: float
    calculation: str
    rank: int = 0


def score_of(unit: UnitCounts, scheme: Scheme) -> Score:
    total = scheme.base
    text = number_text(scheme.base)
    for rule in scheme.rules:
        n = unit.count(rule.key)
        if not n or not rule.points:
            continue
        total += rule.points * n
        sign = "+" if rule.points > 0 else "−"
        text += f" {sign} {number_text(abs(rule.points))}×{n}（{rule.name}）"
    total = round(total, 2)
    if text == number_text(scheme.base):
        return Score(unit, max(total, scheme.floor), text + tr("（无加减分）"))
    if total < scheme.floor:
        floor = number_text(scheme.floor)
        text += f" = {number_text(total)}，" + tr("按最低分计 {floor}").format(floor=floor)
        total = scheme.floor
    else:
        text += f" = {number_text(total)}"
    return Score(unit, total, text)


def ranked(scores: Iterable[Score]) -> list[Score]:
    """Highest score first; equal scores share a rank and the next rank skips (1, 1, 3)."""
    ordered = sorted(scores, key=lambda s: -s.score)
    out: list[Score] = []
    for position, score in enumerate(ordered, start=1):
        rank = out[-1].rank if out and out[-1].score == score.score else position
        out.append(replace(score, rank=rank))
    return out
