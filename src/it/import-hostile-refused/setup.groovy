def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('target'))
engine.fill(engine.name('target'), ['keep.txt': 'precious'])
// a hostile archive made by hand: a manifest first, then entries that reach outside the volume
engine.sh("""cd '${basedir}' && python3 - <<'PY'
import hashlib, io, json, tarfile
def add(tar, name, data=b'', **kw):
    info = tarfile.TarInfo(name)
    for k, v in kw.items():
        setattr(info, k, v)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))
ok = b'fine'
manifest = {'format': 1, 'volume': 'it-hostile', 'kind': 'generic', 'labels': {}, 'entries': 4, 'totalBytes': 4,
            'files': [{'path': 'fine.txt', 'size': 4, 'sha256': hashlib.sha256(ok).hexdigest()}]}
with tarfile.open('escape.tar', 'w', format=tarfile.PAX_FORMAT) as tar:
    add(tar, 'devcontainer-cache.json', json.dumps(manifest).encode())
    add(tar, 'fine.txt', ok)
    add(tar, '../escape.txt', b'evil')
    add(tar, 'etc', type=tarfile.SYMTYPE, linkname='/etc')
    add(tar, 'null', type=tarfile.CHRTYPE, devmajor=1, devminor=3)
# a valid archive of the same file, with one byte of the file flipped afterwards
with tarfile.open('flipped.tar', 'w', format=tarfile.PAX_FORMAT) as tar:
    add(tar, 'devcontainer-cache.json', json.dumps(manifest).encode())
    add(tar, 'fine.txt', ok)
data = bytearray(open('flipped.tar', 'rb').read())
at = data.rindex(b'fine')
data[at] ^= 0x01
open('flipped.tar', 'wb').write(bytes(data))
PY""")
new File(basedir, 'escape.properties').text =
        "devcontainer-cache.from=escape.tar\ndevcontainer-cache.volume=${engine.name('target')}\ndevcontainer-cache.overwrite=true\n"
new File(basedir, 'flipped.properties').text =
        "devcontainer-cache.from=flipped.tar\ndevcontainer-cache.volume=${engine.name('absent')}\n"
return true
