"""One module per screen, opened by name through SCREENS: no screen module imports another."""
from __future__ import annotations

import importlib
from typing import Any

# name -> "module:class" under game/ui/scenes; modules are imported when the screen is first opened
SCREENS: dict[str, str] = {
    "title": "title:TitleScene",
    "profiles": "profiles:ProfilesScene",
    "create_profile": "create_profile:CreateProfileScene",
    "map": "level_map:LevelMapScene",
    "settings": "settings:SettingsScene",
    "leader_pin": "leader_pin:LeaderPinScene",
    "help": "help:HelpScene",
    "quiz": "quiz:QuizScene",
    "story": "story:StoryScene",
    "results": "results:ResultsScene",
    "desk": "desk:DeskScene",
    "desk_groups": "desk_groups:DeskGroupsScene",
    "desk_group": "desk_group:DeskGroupScene",
    "desk_children": "desk_children:DeskChildrenScene",
    "desk_child": "desk_child:DeskChildScene",
    "desk_session": "desk_session:DeskSessionScene",
    "desk_team": "desk_team:DeskTeamScene",
    "team_quiz": "team_quiz:TeamQuizScene",
    "desk_reports": "desk_reports:DeskReportsScene",
    "desk_learned": "desk_learned:DeskLearnedScene",
    "desk_club": "desk_club:DeskClubScene",
    "desk_certificates": "desk_certificates:DeskCertificatesScene",
    "desk_audience": "desk_audience:DeskAudienceScene",
    "audience": "audience:AudienceScene",
    "album": "album:AlbumScene",
    "desk_album": "desk_album:DeskAlbumScene",
}

# which screen plays a level of each kind: decided here only
PLAYS = {"quiz": "quiz", "story": "story"}


def screen_class(name: str) -> Any:
    module, cls = SCREENS[name].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), cls)


def make_screen(name: str, app: Any, **args: Any) -> Any:
    return screen_class(name)(app, **args)


def play_screen(kind: str) -> str:
    return PLAYS[kind]
