"""Checks on a story's scene graph: jumps that lead nowhere, scenes no path reaches."""
from __future__ import annotations

import yaml

from .model import Scene
from .problems import Msg, Problem, Severity, Where
from .reader import did_you_mean
from .yamlsrc import where


def story_graph_problems(path: str, scenes: list[Scene], start: str,
                         scene_nodes: dict[str, yaml.Node]) -> list[Problem]:
    problems: list[Problem] = []
    by_id = {s.id: s for s in scenes}
    names = list(scene_nodes)
    for scene in scenes:
        for choice in scene.choices:
            if choice.goto not in scene_nodes:
                problems.append(Problem(choice.where, Severity.ERROR,
                                        Msg("the choice jumps to '{scene}', which is not a scene", scene=choice.goto),
                                        did_you_mean(choice.goto, names)))
        for jump in scene.next:
            if jump.goto not in scene_nodes:
                problems.append(Problem(jump.where, Severity.ERROR,
                                        Msg("the scene '{scene}' goes next to '{target}', which is not a scene",
                                            scene=scene.id, target=jump.goto),
                                        did_you_mean(jump.goto, names)))
        if not scene.lines and not scene.choices and not scene.next:
            problems.append(Problem(scene.where, Severity.ERROR, Msg("the scene '{scene}' is empty", scene=scene.id),
                                    Msg("give it some lines")))
    reached, todo = set(), [start]
    while todo:
        current = todo.pop()
        if current in reached or current not in by_id:
            continue
        reached.add(current)
        scene = by_id[current]
        todo.extend(c.goto for c in scene.choices)
        todo.extend(j.goto for j in scene.next)
    for name, node in scene_nodes.items():
        if name not in reached and name in by_id:
            problems.append(Problem(where(path, node), Severity.WARNING,
                                    Msg("no choice or 'next' leads to the scene '{scene}'", scene=name),
                                    Msg("add a choice that goes to it, or delete the scene")))
    if by_id and not any(by_id[s].is_ending for s in reached if s in by_id):
        problems.append(Problem(Where(path, 1, 1), Severity.ERROR, Msg("the story never ends"),
                                Msg("give at least one reachable scene neither 'choices' nor 'next'")))
    return problems
