"""The progress database's schema, as forward migrations. Never edit a released step: add one."""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the first release
    """
    CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        nickname TEXT NOT NULL,
        nickname_key TEXT NOT NULL UNIQUE,  -- casefolded: Айгүл and АЙГҮЛ are the same child
        avatar TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'kk',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        last_played_at TEXT
    );
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        pack_id TEXT NOT NULL,
        level_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        finished_at TEXT,
        correct INTEGER,
        total INTEGER,
        stars INTEGER
    );
    CREATE INDEX attempts_by_profile ON attempts(profile_id, pack_id, level_id);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL,
        time_ms INTEGER NOT NULL,
        answered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    CREATE INDEX answers_by_attempt ON answers(attempt_id);
    CREATE TABLE best_stars (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        pack_id TEXT NOT NULL,
        level_id TEXT NOT NULL,
        stars INTEGER NOT NULL,
        PRIMARY KEY (profile_id, pack_id, level_id)
    ) WITHOUT ROWID;
    """,
    # 2: the quiz engine: seeds for replayable shuffles, retries, hints, partial answers
    """
    ALTER TABLE attempts ADD COLUMN seed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE answers ADD COLUMN attempt_number INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE answers ADD COLUMN hint_used INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE answers ADD COLUMN right_parts INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE answers ADD COLUMN total_parts INTEGER NOT NULL DEFAULT 1
    """,
    # 3: stories resume where the child left them; lines once read can be skipped
    """
    CREATE TABLE story_saves (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        pack_id TEXT NOT NULL,
        level_id TEXT NOT NULL,
        attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (profile_id, pack_id, level_id)
    ) WITHOUT ROWID;
    CREATE TABLE lines_read (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        pack_id TEXT NOT NULL,
        level_id TEXT NOT NULL,
        scene TEXT NOT NULL,
        line_index INTEGER NOT NULL,
        PRIMARY KEY (profile_id, pack_id, level_id, scene, line_index)
    ) WITHOUT ROWID
    """,
    # 4: settings per profile, and the computer's defaults (profile_id 0)
    """
    CREATE TABLE settings (
        profile_id INTEGER PRIMARY KEY,
        data TEXT NOT NULL
    )
    """,
    # 5: indexes for the leader's reports over every child (measured by `run_game.py bench`)
    """
    CREATE INDEX best_stars_by_level ON best_stars(pack_id, level_id, stars);
    CREATE INDEX best_stars_by_child ON best_stars(profile_id, stars);
    CREATE INDEX attempts_by_level ON attempts(pack_id, level_id)
    """,
    # 6: the club leader's PIN (a salted hash; one row)
    """
    CREATE TABLE leader_pin (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        salt TEXT NOT NULL,
        digest TEXT NOT NULL
    )
    """,
    # 7: a quiz left mid-way resumes where it was, as a story does: one table of saved positions;
    #    an attempt's start is also when its child last played
    """
    ALTER TABLE story_saves RENAME TO saved_positions
    """,
    # 8: the club leader's desk: groups of children, archived children, play sessions of a group with
    #    today's levels in order; an attempt made in a session knows it; indexes that hold what the
    #    leader's reports read (a group's year of answers is summed from the indexes alone). Portable SQL
    #    (no SQLite-only defaults): the store passes every time itself.
    """
    ALTER TABLE profiles ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE club_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );
    CREATE TABLE group_members (
        group_id INTEGER NOT NULL REFERENCES club_groups(id) ON DELETE CASCADE,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, profile_id)
    );
    CREATE INDEX group_members_by_profile ON group_members(profile_id);
    CREATE TABLE play_sessions (
        id INTEGER PRIMARY KEY,
        group_id INTEGER REFERENCES club_groups(id) ON DELETE SET NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT
    );
    CREATE TABLE session_levels (
        session_id INTEGER NOT NULL REFERENCES play_sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        pack_id TEXT NOT NULL,
        level_id TEXT NOT NULL,
        PRIMARY KEY (session_id, position)
    );
    ALTER TABLE attempts ADD COLUMN session_id INTEGER REFERENCES play_sessions(id) ON DELETE SET NULL;
    CREATE INDEX attempts_by_session ON attempts(session_id);
    CREATE INDEX attempts_for_reports ON attempts(profile_id, pack_id, level_id, started_at, finished_at, stars);
    DROP INDEX answers_by_attempt;
    CREATE INDEX answers_by_attempt ON answers(attempt_id, attempt_number, correct, hint_used, time_ms, question_id)
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
