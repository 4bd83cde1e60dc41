-- Content bundle schema, version 4 (version 1 had no source table; the kiosk still opens
-- such bundles, and validation refuses them, since their fidelity cannot be checked;
-- version 2 had no landmark_reference or district_map table: its landmarks have no
-- source for their places and it has no map, and the kiosk still opens it; version 3 had
-- no figure_more or original table: its items have one figure each and no 原文, and the
-- kiosk still opens it).
-- A bundle is one SQLite file, built by `kioskctl build`, opened read-only by the kiosk.
-- application_id 0x48504B31 ('HPK1') marks it as ours; user_version is the schema version.
-- Text columns ending in _zh/_en hold the two languages. Times are UTC seconds.
PRAGMA application_id = 1213221681;
PRAGMA user_version = 4;

CREATE TABLE bundle (
  id              TEXT    NOT NULL,
  version         INTEGER NOT NULL CHECK (version > 0),
  title_zh        TEXT    NOT NULL,
  title_en        TEXT    NOT NULL,
  source_title_zh TEXT    NOT NULL,
  source_title_en TEXT    NOT NULL,
  source_date     TEXT    NOT NULL,
  source_issuer_zh TEXT   NOT NULL,
  source_issuer_en TEXT   NOT NULL,
  built_at        INTEGER NOT NULL,
  builder_version TEXT    NOT NULL,
  schema_version  INTEGER NOT NULL
);

CREATE TABLE category (
  id       TEXT    PRIMARY KEY,
  ord      INTEGER NOT NULL,
  title_zh TEXT    NOT NULL,
  title_en TEXT    NOT NULL,
  accent   TEXT    NOT NULL,
  icon     TEXT    NOT NULL
);

CREATE TABLE image (
  id      TEXT    PRIMARY KEY,
  mime    TEXT    NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
  width   INTEGER NOT NULL,
  height  INTEGER NOT NULL,
  sha256  TEXT    NOT NULL,
  bytes   BLOB    NOT NULL,
  alt_zh  TEXT    NOT NULL,
  alt_en  TEXT    NOT NULL,
  credit  TEXT    NOT NULL,
  licence TEXT    NOT NULL
);

CREATE TABLE item (
  id          TEXT    PRIMARY KEY,
  category_id TEXT    NOT NULL REFERENCES category(id),
  kind        TEXT    NOT NULL CHECK (kind IN ('figure', 'project', 'landmark', 'story')),
  ord         INTEGER NOT NULL,
  title_zh    TEXT    NOT NULL,
  title_en    TEXT    NOT NULL,
  summary_zh  TEXT    NOT NULL,
  summary_en  TEXT    NOT NULL,
  body_zh     TEXT    NOT NULL,
  body_en     TEXT    NOT NULL,
  quote_zh    TEXT    NOT NULL,
  section_zh  TEXT    NOT NULL,
  section_en  TEXT    NOT NULL,
  image_id    TEXT    REFERENCES image(id)
);
CREATE INDEX item_by_category ON item(category_id, ord);

CREATE TABLE figure (
  item_id    TEXT PRIMARY KEY REFERENCES item(id),
  display_zh TEXT NOT NULL,
  value      REAL NOT NULL,
  unit_zh    TEXT NOT NULL,
  qualifier  TEXT NOT NULL,
  direction  TEXT NOT NULL CHECK (direction IN ('growth', 'total', 'rank')),
  display_en TEXT NOT NULL
);

-- The figures an item gives after its lead one (the figure table's), where the report
-- states several together: 12.1公里 of drainage, then 71处, 6.77公里 and 19座. `ord`
-- counts from 1 in the report's order; `label_*` says what each counts. Added in version 4.
CREATE TABLE figure_more (
  item_id    TEXT    NOT NULL REFERENCES figure(item_id),
  ord        INTEGER NOT NULL CHECK (ord >= 1),
  display_zh TEXT    NOT NULL,
  value      REAL    NOT NULL,
  unit_zh    TEXT    NOT NULL,
  qualifier  TEXT    NOT NULL,
  direction  TEXT    NOT NULL CHECK (direction IN ('growth', 'total', 'rank')),
  display_en TEXT    NOT NULL,
  label_zh   TEXT    NOT NULL,
  label_en   TEXT    NOT NULL,
  PRIMARY KEY (item_id, ord)
);

-- The report's whole paragraph that holds an item's quote, shown as 原文 under the item's
-- text. The builder takes it from the source document; validation holds it to be one of
-- the report's paragraphs, holding the quote. Added in version 4.
CREATE TABLE original (
  item_id TEXT PRIMARY KEY REFERENCES item(id),
  text_zh TEXT NOT NULL
);

CREATE TABLE landmark (
  item_id    TEXT PRIMARY KEY REFERENCES item(id),
  address_zh TEXT,
  address_en TEXT,
  lat        REAL,
  lon        REAL
);

-- Where a landmark's address and coordinates come from: reference data (a public place
-- name, a map service), not the report's words, and shown as such. Added in version 3.
CREATE TABLE landmark_reference (
  item_id   TEXT PRIMARY KEY REFERENCES landmark(item_id),
  source_zh TEXT NOT NULL,
  source_en TEXT NOT NULL
);

-- The project's schematic map of the district (one row at most) and the frame it is drawn
-- in: the picture's edges in degrees, longitude and latitude linear across it. Added in
-- version 3.
CREATE TABLE district_map (
  image_id  TEXT NOT NULL REFERENCES image(id),
  north     REAL NOT NULL,
  south     REAL NOT NULL CHECK (south < north),
  west      REAL NOT NULL,
  east      REAL NOT NULL CHECK (west < east),
  source_zh TEXT NOT NULL,
  source_en TEXT NOT NULL
);

CREATE TABLE font (
  role   TEXT PRIMARY KEY CHECK (role IN ('regular', 'bold')),
  family TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes  BLOB NOT NULL
);

CREATE TABLE ui_string (
  key TEXT PRIMARY KEY,
  zh  TEXT NOT NULL,
  en  TEXT NOT NULL
);

CREATE TABLE playlist (
  ord        INTEGER PRIMARY KEY,
  item_id    TEXT NOT NULL REFERENCES item(id),
  dwell_s    REAL NOT NULL CHECK (dwell_s > 0),
  transition TEXT NOT NULL CHECK (transition IN ('crossfade', 'slide')),
  date_from  TEXT,
  date_to    TEXT,
  time_from  TEXT,
  time_to    TEXT
);

-- The document the content is drawn from, byte for byte as the sources hold it, and the
-- lines of it that are the report (the rest belongs to the web page that reproduced it).
-- Validation re-checks the content against it; the kiosk can show it whole.
CREATE TABLE source (
  sha256     TEXT    NOT NULL,
  text       TEXT    NOT NULL,
  first_line INTEGER NOT NULL CHECK (first_line >= 1),
  last_line  INTEGER NOT NULL CHECK (last_line >= first_line)
);
