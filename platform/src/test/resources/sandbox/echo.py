# A script as services ship them: it reads the header line, then its payload (plain or compressed).
import base64, json, sys, zlib

"""Prints the payload's length and its first ten characters."""
header = json.loads(sys.stdin.readline())
body = sys.stdin.read()
if header["encoding"] == "zlib+base64":
    body = zlib.decompress(base64.b64decode(body)).decode()
print(len(body), body[:10])
