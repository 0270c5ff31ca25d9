"""The JSON cache of the bundled catalogue's parsed files: same providers, stale on any change,
validation still run, and a damaged cache ignored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mailmanager.core.catalogue import cache as catalogue_cache
from mailmanager.core.catalogue import lookup as providers
from mailmanager.core.catalogue.lookup import Catalogue, CatalogueError


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A private copy of the bundled catalogue (its own key in the in-process cache)."""
    copy = tmp_path / "providers"
    shutil.copytree(providers.bundled_dir(), copy)
    return copy


def load(folder: Path, cache: Path) -> Catalogue:
    providers._bundled_cache.pop(folder.resolve(), None)  # as a fresh process would
    return Catalogue.load(bundled_dir_override=folder, include_user=False, cache_file=cache)


def test_a_second_load_reads_the_cache_and_gives_the_same_providers(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache" / "catalogue.json"
    first = load(folder, cache)
    assert cache.is_file()

    def no_toml(path: Path) -> object:
        raise AssertionError(f"{path.name} was parsed although the cache is fresh")

    monkeypatch.setattr(providers, "_read_toml", no_toml)
    second = load(folder, cache)
    assert second.all() == first.all()  # dates (oauth.since) included
    assert second.get("microsoft") == first.get("microsoft")


def test_an_edited_file_is_parsed_again_and_a_broken_one_reported(
    folder: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "catalogue.json"
    load(folder, cache)
    target = folder / "sina.toml"
    target.write_text(target.read_text(encoding="utf-8") + "\nthis is = = not toml\n")
    with pytest.raises(CatalogueError, match=r"sina\.toml.*not valid TOML"):
        load(folder, cache)


def test_validation_runs_on_cached_data(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "catalogue.json"
    files = sorted(folder.glob("*.toml"))
    keys = catalogue_cache.file_keys(files)
    good = catalogue_cache.read(cache, keys)
    assert good is None
    load(folder, cache)
    data = catalogue_cache.read(cache, keys)
    assert data is not None
    data[0]["schema"] = 99  # a cache that somehow holds a wrong value is still checked
    catalogue_cache.write(cache, keys, data)
    with pytest.raises(CatalogueError, match=files[0].name):
        load(folder, cache)


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"stamp": 1}', b"\xff\xfe"])
def test_a_damaged_cache_is_ignored_and_rewritten(
    folder: Path, tmp_path: Path, content: bytes
) -> None:
    cache = tmp_path / "catalogue.json"
    cache.write_bytes(content)
    assert len(load(folder, cache)) == len(list(folder.glob("*.toml")))
    keys = catalogue_cache.file_keys(sorted(folder.glob("*.toml")))
    assert catalogue_cache.read(cache, keys) is not None


def test_an_added_or_removed_file_makes_the_cache_stale(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "catalogue.json"
    count = len(load(folder, cache))
    (folder / "zoho.toml").unlink()
    assert len(load(folder, cache)) == count - 1


def test_values_json_cannot_carry_are_not_cached(tmp_path: Path) -> None:
    cache = tmp_path / "catalogue.json"
    keys: list[catalogue_cache.FileKey] = [["x.toml", 1, 2, 3]]
    catalogue_cache.write(cache, keys, [{"table": {"$date": "2024-01-01"}}])
    assert not cache.exists()
