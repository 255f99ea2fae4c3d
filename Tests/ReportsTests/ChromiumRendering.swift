import Foundation

/// Renders HTML files to PNG screenshots with headless Chromium and counts pixel colours.
enum ChromiumRendering {
    /// The Chromium executable: `$CHROMIUM`, else the first of chromium / chromium-browser /
    /// google-chrome on `PATH`.
    static var executable: String? {
        let env = ProcessInfo.processInfo.environment
        if let c = env["CHROMIUM"], FileManager.default.isExecutableFile(atPath: c) { return c }
        let path = env["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let p = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: p) { return p }
            }
        }
        return nil
    }

    /// Whether the rendering test must run: Chromium is installed, or `CI` is set (where its
    /// absence is a failure, not a skip).
    static var shouldRun: Bool { executable != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    /// Screenshots `html` (a file) at `width`×`height` CSS pixels (scale 1) into `png`.
    static func screenshot(html: URL, png: URL, width: Int = 1240, height: Int = 1100) throws {
        guard let chromium = executable else {
            throw Failure("chromium not found (apt-get install chromium, or set CHROMIUM=/path/to/chrome)")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                       "--disable-extensions", "--force-device-scale-factor=1", "--user-data-dir=\(profile.path)",
                       "--window-size=\(width),\(height)", "--virtual-time-budget=5000",
                       "--screenshot=\(png.path)", html.absoluteString]
        let sink = FileHandle(forWritingAtPath: "/dev/null")
        p.standardOutput = sink
        p.standardError = sink
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0, FileManager.default.fileExists(atPath: png.path) else {
            throw Failure("chromium exited with \(p.terminationStatus) and no screenshot")
        }
    }

    /// Counts, per `#rrggbb` colour, the pixels of `png` with exactly that colour (and full opacity),
    /// plus `"width"`, `"height"` and `"nonwhite"` (pixels that are not pure white).
    ///
    /// Decodes the PNG with a small Python (stdlib zlib) script: 8-bit RGB/RGBA, all five filters
    /// (Up and Sub unfiltered with bytewise big-integer additions, Average and Paeth byte by byte).
    static func countColors(png: URL, colors: [String]) throws -> [String: Int] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", pngScript, png.path] + colors
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Failure("PNG decoder exited with \(p.terminationStatus)") }
        return try JSONDecoder().decode([String: Int].self, from: data)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    static let pngScript = #"""
import sys, zlib, struct, json
from collections import Counter
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat = 8, []
while pos < len(data):
    n, typ = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    pos += 12 + n
    if typ == b'IHDR':
        w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
    elif typ == b'IDAT':
        idat.append(body)
    elif typ == b'IEND':
        break
assert depth == 8 and interlace == 0 and ctype in (2, 6), 'unsupported PNG format'
bpp = 3 if ctype == 2 else 4
stride = w * bpp
raw = zlib.decompress(b''.join(idat))
HI = int.from_bytes(b'\x80' * stride, 'big')
LO = HI ^ int.from_bytes(b'\xff' * stride, 'big')
def add(a, b):  # bytewise addition mod 256 of two stride-byte big-endian integers
    return ((a & LO) + (b & LO)) ^ ((a ^ b) & HI)
pixels = Counter()
prev = bytes(stride)
i = 0
for y in range(h):
    f = raw[i]
    cur = raw[i + 1:i + 1 + stride]
    i += 1 + stride
    if f == 0:
        line = cur
    elif f == 1:
        s = int.from_bytes(cur, 'big')
        k = bpp
        while k < stride:
            s = add(s, s >> (8 * k))
            k *= 2
        line = s.to_bytes(stride, 'big')
    elif f == 2:
        line = add(int.from_bytes(cur, 'big'), int.from_bytes(prev, 'big')).to_bytes(stride, 'big')
    elif f == 3 or f == 4:
        out = bytearray(cur)
        for x in range(stride):
            a = out[x - bpp] if x >= bpp else 0
            b = prev[x]
            if f == 3:
                out[x] = (out[x] + ((a + b) >> 1)) & 255
            else:
                c = prev[x - bpp] if x >= bpp else 0
                p = a + b - c
                pa = p - a if p > a else a - p
                pb = p - b if p > b else b - p
                pc = p - c if p > c else c - p
                out[x] = (out[x] + (a if pa <= pb and pa <= pc else (b if pb <= pc else c))) & 255
        line = bytes(out)
    else:
        raise SystemExit('bad filter %d' % f)
    prev = line
    if bpp == 3:
        pixels.update(zip(line[0::3], line[1::3], line[2::3]))
    else:
        pixels.update(zip(line[0::4], line[1::4], line[2::4], line[3::4]))
counts = {}
for c in sys.argv[2:]:
    rgb = tuple(bytes.fromhex(c[1:]))
    counts[c] = pixels[rgb] if bpp == 3 else pixels[rgb + (255,)]
white = pixels[(255, 255, 255)] if bpp == 3 else pixels[(255, 255, 255, 255)]
counts['width'] = w
counts['height'] = h
counts['nonwhite'] = w * h - white
print(json.dumps(counts))
"""#
}
