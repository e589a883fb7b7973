#!/usr/bin/env python3
"""Posts COUNT signed OneBot group reports to the bot, CONCURRENCY at a time, and writes the message ids whose
report the bot acknowledged (HTTP 200 and "已记录" in the reply) to ACKED, one per line, as they come.

Usage: load.py PORT SECRET FIRST_ID COUNT CONCURRENCY ACKED
Report n says "走访<n % 997 + 1>户" so that the check can tell a record stored with the wrong figures. Each message
has its own sender, so the per-sender command limit refuses none. Connection errors (the bot was killed) are
counted, not retried: the chaos script redelivers every event itself after the restart.
"""
import hashlib, hmac, json, sys, threading, time, urllib.error, urllib.request

port, secret, first, count, concurrency, acked_path = (int(sys.argv[1]), sys.argv[2].encode(), int(sys.argv[3]),
                                                       int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])


def body(mid):
    user = 200000 + mid
    event = {"time": int(time.time()), "self_id": 10001000, "post_type": "message", "message_type": "group",
             "sub_type": "normal", "message_id": mid, "group_id": 1418159967, "user_id": user,
             "message": [{"type": "text", "data": {"text": "#上报 锦江区 三圣街道社工站 走访%d户" % (mid % 997 + 1)}}],
             "sender": {"user_id": user, "nickname": "社工%d" % user, "card": "", "role": "member"}}
    return json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode()


lock = threading.Lock()
next_id = [first]
stats = {"acked": 0, "refused": 0, "errors": 0}
acked = open(acked_path, "a")


def worker():
    while True:
        with lock:
            mid = next_id[0]
            if mid >= first + count:
                return
            next_id[0] += 1
        data = body(mid)
        signature = "sha1=" + hmac.new(secret, data, hashlib.sha1).hexdigest()
        request = urllib.request.Request("http://127.0.0.1:%d/webhook/onebot" % port, data=data, method="POST",
                                         headers={"Content-Type": "application/json", "X-Signature": signature})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                ok = response.status == 200 and "已记录" in response.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            with lock:
                stats["refused"] += 1
                stats.setdefault("status %d" % e.code, 0)
                stats["status %d" % e.code] += 1
            continue
        except (urllib.error.URLError, OSError) as e:
            with lock:
                stats["errors"] += 1
                stats["last error"] = str(e)
            continue
        with lock:
            if ok:
                stats["acked"] += 1
                acked.write("%d\n" % mid)
                acked.flush()
            else:
                stats["refused"] += 1


threads = [threading.Thread(target=worker) for _ in range(concurrency)]
for t in threads:
    t.start()
for t in threads:
    t.join()
acked.close()
print("load: %d acknowledged, %d not acknowledged, %d connection errors %s" % (
    stats.pop("acked"), stats.pop("refused"), stats.pop("errors"), stats or ""))
