"""What the leader changes at the desk: groups, children and play sessions, through the storage port.

Each action that can be refused returns DONE, else the catalog key of why not; a disk that refuses
raises StorageError (the screen tells the leader through app.save, which then gives None)."""
from __future__ import annotations

from ..profiles import normalise_nickname
from ..storage import GroupNameTaken, NicknameTaken, PlaySession, ProgressPort

MAX_GROUP_NAME = 40
DONE = ""


class ClubDesk:
    def __init__(self, store: ProgressPort) -> None:
        self.store = store

    # -- groups
    def new_group(self, typed: str) -> str:
        name = normalise_nickname(typed.replace("\n", " "))[:MAX_GROUP_NAME]
        if not name:
            return "desk.group_empty"
        try:
            self.store.create_group(name)
        except GroupNameTaken:
            return "desk.group_taken"
        return DONE

    def name_group(self, group_id: int, typed: str) -> str:
        name = normalise_nickname(typed)[:MAX_GROUP_NAME]
        if not name:
            return "desk.group_empty"
        try:
            self.store.rename_group(group_id, name)
        except GroupNameTaken:
            return "desk.group_taken"
        return DONE

    def drop_group(self, group_id: int) -> str:
        """The group goes; its children and their answers stay."""
        self.store.delete_group(group_id)
        return DONE

    def toggle_member(self, group_id: int, profile_id: int) -> bool:
        """Adds the child to the group, or takes them out; True when they are in it afterwards."""
        group = next(g for g in self.store.groups() if g.id == group_id)
        if profile_id in group.member_ids:
            self.store.remove_from_group(group_id, profile_id)
            return False
        self.store.add_to_group(group_id, profile_id)
        return True

    # -- children
    def rename_child(self, profile_id: int, typed: str) -> str:
        nickname = normalise_nickname(typed)
        if not nickname:
            return "create.empty"
        current = self.store.profile(profile_id)
        if current is not None and current.nickname.casefold() == nickname.casefold():
            self.store.rename_profile(profile_id, nickname)  # only its letters' case changes
            return DONE
        if self.store.nickname_taken(nickname):
            return "create.taken"
        try:
            self.store.rename_profile(profile_id, nickname)
        except NicknameTaken:
            return "create.taken"
        return DONE

    def choose_avatar(self, profile_id: int, avatar: str) -> str:
        self.store.set_avatar(profile_id, avatar)
        return DONE

    def toggle_archived(self, profile_id: int) -> bool:
        """Archived children are hidden from the profile screen and kept in reports; True when archived now."""
        profile = self.store.profile(profile_id)
        archived = not (profile.archived if profile else False)
        self.store.set_archived(profile_id, archived)
        return archived

    def erase_child(self, profile_id: int) -> str:
        """On request: the child's profile, answers, stars, saved places and settings, all gone."""
        self.store.erase_profile(profile_id)
        return DONE

    def merge_children(self, keep_id: int, drop_id: int) -> str:
        self.store.merge_profiles(keep_id, drop_id)
        return DONE

    # -- play sessions
    def begin_session(self, group_id: int, levels: list[tuple[str, str]]) -> PlaySession:
        return self.store.start_session(group_id, levels)

    def finish_session(self) -> list[int]:
        """Ends the session that is on; returns who played in it."""
        session = self.store.active_session()
        if session is None:
            return []
        self.store.end_session(session.id)
        return self.store.session_players(session.id)
