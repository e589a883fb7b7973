#!/usr/bin/env python3
"""Writes N signed OneBot v11 group-message events, one per line: "<X-Signature>\t<body>".

Usage: events.py SECRET FIRST_MESSAGE_ID COUNT [heartbeat]
Message ids run from FIRST_MESSAGE_ID, so files made with disjoint ranges never repeat an id. Reports name one of
the configured stations (bot-config/units.yml), so every one is parsed and stored; both configured groups are used,
and each message has a sender of its own, so the per-sender rate limit (20 commands a minute) refuses none of them
however fast the bot takes them. With "heartbeat", writes COUNT meta_event heartbeats instead (verified, then ignored by the bot).
"""
import hashlib, hmac, json, random, sys

secret, first, count = sys.argv[1].encode(), int(sys.argv[2]), int(sys.argv[3])
heartbeat = len(sys.argv) > 4 and sys.argv[4] == "heartbeat"
groups = [639921629, 1418159967]
stations = [("锦江区", "三圣街道社工站"), ("锦江区", "锦官驿街道社工站"), ("青羊区", "琴台路社区社工室"),
            ("金牛区", "荷花池街道社工站"), ("成华区", "猛追湾街道社工站"), ("龙泉驿区", "龙泉街道社工站"),
            ("新都区", "大丰街道社工站"), ("双流区", "东升街道社工站"), ("新津区", "新津区社工总站"),
            ("大邑县", "晋原街道社工站"), ("都江堰市", "灌口街道社工站"), ("彭州市", "社工总站"),
            ("崇州市", "崇阳街道社工站"), ("简阳市", "射洪坝街道社工站"), ("高新区", "芳草街街道社工站"),
            ("天府新区", "华阳街道社工站")]
templates = ["#上报 {d} {u} 走访{a}户 物资{b}件 个案{c}个",
             "#上报 {d} {u} 电话{a}通 走访{c}户",
             "#上报\n区县：{d}\n单位：{u}\n走访：{a}户\n物资：{b}件"]
rnd = random.Random(first)
out = sys.stdout
for i in range(count):
    mid = first + i
    if heartbeat:
        event = {"time": 1764300000, "self_id": 10001000, "post_type": "meta_event", "meta_event_type": "heartbeat",
                 "interval": 5000, "status": {"online": True}}
    else:
        d, u = rnd.choice(stations)
        text = rnd.choice(templates).format(d=d, u=u, a=rnd.randint(1, 300), b=rnd.randint(1, 2000),
                                            c=rnd.randint(1, 9))
        user = 100000 + mid
        event = {"time": 1764300000, "self_id": 10001000, "post_type": "message", "message_type": "group",
                 "sub_type": "normal", "message_id": mid, "group_id": groups[mid % 2], "user_id": user,
                 "message": [{"type": "text", "data": {"text": text}}],
                 "sender": {"user_id": user, "nickname": "社工%d" % user, "card": "", "role": "member"}}
    body = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode()
    sig = hmac.new(secret, body, hashlib.sha1).hexdigest()
    out.write("sha1=" + sig + "\t" + body.decode() + "\n")
