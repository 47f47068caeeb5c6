#!/usr/bin/env python3
"""Generate earshot's bundled offline demo: the sample feeds, review pages and CSV export in
this folder, and EXPECTED.json with the figures a correct run must reproduce.

    python3 feeds/make_demo.py            # write the files, verify them, print the figures
    python3 feeds/make_demo.py --check    # also score the English texts with vaderSentiment
                                          # (pip install vaderSentiment) and report any whose
                                          # compound disagrees with its intended polarity

Standard library only, one fixed seed: running it again rewrites byte-identical files. The
optional --check never changes what is written.

The story (see README.md): Pinvale makes a smart-home app people like, but its support is
unreachable, so its rated reviews sit near one star (trust score 1.4) while social posts about
the product are mostly warm. On 2026-11-18 a refund batch fails and the support lines go quiet:
for the last three days of the demo (as-of 2026-11-20) Pinvale's mentions double and turn
overwhelmingly negative. Lumio is the well-liked competitor; Tandem is mixed, and its name is
also an English word ("worked in tandem with"), which the config excludes.
"""

import argparse
import csv
import datetime as dt
import html
import io
import json
import os
import random
import re
import sys
from collections import Counter, OrderedDict
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

SEED = 20261120
FIRST_DAY = dt.date(2026, 9, 1)
AS_OF = dt.date(2026, 11, 20)
DAYS = [FIRST_DAY + dt.timedelta(days=i) for i in range((AS_OF - FIRST_DAY).days + 1)]
SPIKE_DAYS = DAYS[-3:]            # 2026-11-18 .. 2026-11-20
BASELINE_DAYS = DAYS[-31:-3]      # 2026-10-21 .. 2026-11-17
HALF_LIFE_DAYS = 182.6
PRIOR_COUNT, PRIOR_MEAN = 7, 3.5

OUT = os.path.dirname(os.path.abspath(__file__))
BRANDS = ["Pinvale", "Lumio", "Tandem"]

# The matcher the config describes: names and aliases as whole words ignoring case, Chinese
# names anywhere, and a Tandem inside an excluded phrase does not count.
CONFIG_BRANDS = [
    {"name": "Pinvale", "aliases": ["Pinvale app", "品维"], "exclude": []},
    {"name": "Lumio", "aliases": ["Lumio Home", "露米欧"], "exclude": []},
    {"name": "Tandem", "aliases": [], "exclude": ["in tandem", "tandem bicycle"]},
]

SOURCES = ["techpulse", "community", "pinvale-reviews", "helpdesk", "pinvale-appstore",
           "weibo", "forum-ms", "lumio-reviews"]
SOURCE_FILES = {
    "techpulse": "techpulse.rss", "community": "community.atom",
    "pinvale-reviews": "pinvale-reviews.html", "helpdesk": "helpdesk-export.csv",
    "pinvale-appstore": "pinvale-appstore.xml", "weibo": "weibo-zh.json",
    "forum-ms": "forum-ms.rss", "lumio-reviews": "lumio-reviews.html",
}
RATED = {"pinvale-reviews", "helpdesk", "pinvale-appstore", "lumio-reviews"}
BRAND_SOURCES = {"pinvale-reviews": "Pinvale", "pinvale-appstore": "Pinvale", "lumio-reviews": "Lumio"}
SOCIAL = ["techpulse", "community", "weibo", "forum-ms"]

# ---------------------------------------------------------------------------------------------
# Text banks. {B} is the brand (as its speakers write it), {B1}/{B2} two brands; every other
# {slot} is filled from SLOTS below. Negative Pinvale texts are about service, positive ones
# about the product. Sentences are combined, and a sentence is not reused once it has been
# used a couple of times, so no two items read alike.
# ---------------------------------------------------------------------------------------------

EN = {
    "pin_neg": [
        "I have been waiting {days} days for a refund of {money}, and {B} has ignored every message.",
        "{B} customer service is a black hole: {n} emails and zero replies so far.",
        "The chatbot keeps looping me back to the same useless FAQ article, with no way to reach a human agent.",
        "I sat on hold with {B} for {mins} minutes and then the line went dead.",
        "They charged me twice for {plan} in {month} and the refund never came, which is a disgrace.",
        "An agent closed my ticket without answering a single question. Ridiculous.",
        "Live chat said an agent would join shortly, then nothing for {mins} minutes, so frustrating.",
        "The refund form throws an error and every email about it is ignored.",
        "I returned the broken {dev} on {date} and I am still chasing {B} for the refund.",
        "Every reply from {B} is a useless canned template that misses what I actually wrote.",
        "{B} said someone would call me back within 24 hours; {days} days later, nothing, and I am angry.",
        "Chat agents keep transferring me to billing, and billing ignores every call. Hopeless.",
        "I asked for a refund for a faulty {dev} and got an automated email closing my ticket, with the problem still there.",
        "I cancelled {plan} in {month}, I am still being billed, and customer service will not reply, which is infuriating.",
        "There is no phone number anywhere, and emails get an auto-reply and then silence. Awful.",
        "Ticket #{ticket} has been open for {days} days with no response from an agent, unacceptable.",
        "The in-app button opens a useless chatbot that cannot even look up my order.",
        "Their team replied once after {days} days, asked for my order number again, and vanished. Pathetic.",
        "Getting a refund out of {B} is harder than wiring the whole house, a total nightmare.",
        "I have explained the same billing problem to {n} different agents and nobody has fixed it.",
        "My {dev} died after {weeks} weeks and {B} has ignored my warranty claim.",
        "Customer service told me the refund was processed, but my bank says nothing ever arrived. That was a lie.",
        "The portal logs me out every time I upload the receipt they asked for, so annoying.",
        "I emailed {B}, used the chat and called: no response from anyone, awful.",
        "Response time from {B} customer service is measured in weeks, which is awful.",
        "The chat agent pasted a link to the refund policy and ended the conversation, rude.",
        "{B} billing took {money} for a plan I never ordered, and the refund request is ignored.",
        "The agent asked me to reinstall the app {n} times for a billing error, useless.",
        "The {B} chatbot understands nothing beyond 'reset your hub', useless.",
        "Two weeks, {n} chats, {n2} agents, zero refund, and I am fed up.",
        "My refund status has said 'pending' since {date} and no agent will explain why, infuriating.",
        "Escalated to a supervisor, was told to wait 48 hours, and the silence continues. Disgraceful behaviour.",
        "Their contact page just sends you in a circle back to the articles, pointless and annoying.",
        "I was told someone senior would reply to ticket #{ticket}; {days} days on, I am still waiting and feel cheated.",
        "Nobody at {B} customer service reads the tickets, it is a broken system.",
        "Six emails about a wrong charge of {money} and the only answer was a bot, terrible.",
    ],
    "love_but": [
        "The app itself is nice, but",
        "I like the routines, but",
        "The product is decent, but",
        "The hardware is lovely, but",
        "Nice app design, but",
        "The energy dashboard is good, but",
        "Good features, but",
        "The widgets are nice, but",
        "Setup was easy, but",
        "The app works well, but",
    ],
    "neg_close": [
        "Terrible service.",
        "Absolutely useless.",
        "Worst customer service I have ever dealt with.",
        "So frustrating.",
        "I am furious.",
        "Really disappointed.",
        "This is ridiculous.",
        "Awful experience.",
        "Shameful and disrespectful to paying customers.",
        "Completely unacceptable.",
        "What a waste of {hours} hours.",
        "I feel ignored and ripped off.",
        "Horrible.",
        "Fed up and angry.",
        "Pathetic, useless support.",
        "Day {days} of waiting and I am angry.",
        "A disgrace.",
        "Avoid, seriously, avoid.",
        "I regret buying into this ecosystem.",
        "Beyond frustrating.",
        "Awful, just awful.",
        "The whole process is a horrible nightmare.",
        "Terrible, terrible service.",
        "Embarrassing for a company this size.",
        "I am so disappointed.",
        "Stressful and exhausting.",
        "Honestly appalling and disgraceful.",
        "This is a scam.",
        "Incredibly annoying.",
        "Miserable experience.",
        "Utterly hopeless.",
        "Frustrated beyond words.",
        "Sad and angry.",
        "Really poor.",
        "Dreadful.",
        "Ugh, the worst.",
        "I am livid.",
        "Unbelievably bad service.",
        "Sick of being ignored.",
        "Such a letdown, and I am angry about it.",
        "A horrible, broken process.",
        "Furious and still waiting.",
        "Poor, poor service.",
        "Bad service, plain and simple.",
        "Disappointing and insulting.",
        "Stop ignoring your customers.",
        "Seriously, the worst service in the industry.",
        "Awful company to deal with.",
        "Terrible way to run a business.",
        "I am angry and exhausted.",
    ],
    "pin_spike": [
        "My refund was in the batch {B} says failed, and support has been silent since Wednesday.",
        "{B} emailed that my refund could not be completed; live chat is down and the phone line just plays music.",
        "Refund bounced, chat is offline, and the hold time is over {hours} hours, a total disaster.",
        "The {B} status page has said 'investigating' for {hours} hours while refunds keep failing.",
        "Got the 'refund failed' email from {B} today, and the help center shows no way to contact an agent.",
        "Refund reversed by my bank, no reply from customer service, and no explanation.",
        "The failed refund batch hit my {money} return and nobody at {B} will answer.",
        "{B} agents are telling people to wait ten more business days after the failed refund batch.",
        "Since Wednesday every {B} refund I know of has failed, and the support chat just says 'unavailable'.",
        "My {money} refund was reversed yesterday and the {B} support queue shows {n}00 people ahead of me.",
        "{B} took the money back out of my account after the refund batch failed; support is unreachable.",
        "The {B} support phone line hangs up after one ring since the refund failures started.",
        "Half our local group had their {B} refunds fail this week, and not one has had a reply from support.",
        "Live chat closed, email bouncing, refund failed: that is {B} customer service this week.",
        "No reply from {B} after the refund failure, and they still charged {plan} today.",
        "The refund failure email from {B} says 'get in touch', and nobody answers the phone or the chat, useless.",
        "Refunds failing, chatbot broken, agents missing: what is going on at {B}?",
        "Waited on the {B} callback queue for {hours} hours after my refund failed, then got cut off.",
    ],
    "pin_pos": [
        "The {B} app is fast and clean, and the {feat} is brilliant.",
        "Set up {B} in {mins2} minutes and the {feat} just works, great.",
        "{B}'s {feat} is the best I have used in any smart home app.",
        "For {price} a year, {plan} is great value.",
        "The {B} widgets on my lock screen are genuinely useful.",
        "I love how the {B} app groups rooms; my {fam} figured it out in minutes.",
        "{B} automations run reliably every single morning, which I love.",
        "The energy dashboard in {B} helped us cut our bill by {pct}%, amazing.",
        "The {BA} pairs with my {dev} instantly, which is brilliant.",
        "The {month} update made {B} even smoother, and I love it.",
        "Switching to {B} was the best decision for our {room}.",
        "{B}'s design is gorgeous and everything is easy to find.",
        "Camera alerts from {B} arrive in a second or two, impressive.",
        "Honestly the {BA} is a joy to use.",
        "Great product: {B} handles {n}0 devices and stays fast.",
        "The {feat} by itself makes {B} worth buying, brilliant.",
        "The {BA} has the cleanest interface of any home app I have tried.",
        "{B} remembered all my scenes after the hub swap, which impressed me.",
        "Love the new {feat} in {B}, it saves me a few minutes every day.",
        "{B} runs the whole {room} now and it has been wonderful.",
        "Superb app: {B} made our {dev} actually useful.",
        "The {B} hub has been rock solid for {months} months, great.",
    ],
    "pin_pos_review": [
        "Never needed support, so I can only judge the app, and the app is excellent.",
        "I read the complaints about support, but the product itself has been perfect for me.",
        "Best home app I have used, the routines are brilliant.",
        "Lovely app, great features, fair price.",
        "Everything I need in one tidy app; very happy.",
        "The widgets and the energy graph are fantastic.",
    ],
    "gen_pos": [
        "{B} has been rock solid and dependable in our {room} for {months} months, love it.",
        "Setting up {B} took {mins2} minutes and everything worked first time, lovely.",
        "The {feat} in {B} is excellent.",
        "The {B} app is quick and reliable, even with {n}0 devices, great.",
        "Really happy with {B}; I would recommend it to anyone.",
        "The {B} {dev} paired instantly, very impressed.",
        "{B} keeps getting better with every update.",
        "Love the {feat} in {B}, it saves me time every day.",
        "{B} is good value, and the app is a pleasure to use.",
        "My {fam} loves the {B} scenes.",
        "{B} made our {room} feel cosy, great stuff.",
        "The {B} {dev} is beautifully made.",
        "Glad I picked {B}; it just works.",
        "{B}'s {feat} is smart and simple, exactly what I wanted.",
        "I enjoy how calm and tidy the {B} app feels.",
    ],
    "pos_close": [
        "Highly recommended!",
        "Love it.",
        "Five stars, well deserved.",
        "Brilliant.",
        "Very happy.",
        "Great job.",
        "Impressive work.",
        "Really happy with it.",
        "A real pleasure.",
        "Fantastic.",
        "Superb.",
        "Thumbs up, great stuff.",
        "Excellent stuff.",
        "Wonderful.",
        "So good.",
        "Really pleased.",
        "Nice work, team.",
        "A lovely product.",
        "Delighted.",
        "Absolutely love it.",
    ],
    "lum_pos": [
        "{B} support replied within {mins2} minutes and fixed my problem, great service.",
        "{B} lights look beautiful and the colours are perfect.",
        "The {BA} sunrise routine is lovely to wake up to.",
        "{B}'s chat agent was friendly and sorted my question straight away.",
        "Moved the whole flat to {BA} and I am thrilled.",
        "The {B} dimmer is smooth and elegant.",
        "{B} sent a replacement {dev} in two days, excellent support.",
        "The {BA} app is polished and easy for guests to use.",
        "{B} helped me set up the {feat} over chat, very kind.",
    ],
    "lum_neg": [
        "The latest {B} update moved the {feat} button, which is slightly annoying.",
        "{B} is a bit too expensive, which is disappointing.",
        "The {B} {dev} drops off Wi-Fi now and then, which is frustrating.",
        "Battery life on the {B} {dev} is disappointing.",
        "The {BA} hub fan is noisy at night, a little irritating.",
        "The {feat} in {B} sometimes lags, a bit disappointing.",
        "Had to reset the {B} {dev} twice this month, annoying.",
        "The {B} subscription price went up, a bit of a letdown.",
        "{B} took a day to answer my email, which was disappointing.",
        "The {B} app logged me out twice this week, mildly annoying.",
        "Colour accuracy on the cheaper {B} bulbs is poor.",
    ],
    "tan_pos": [
        "{B}'s {feat} is surprisingly good.",
        "The {B} hub setup was painless, nice.",
        "The new {feat} in the {B} app is great.",
        "{B} finally fixed the sync issue, and now it is excellent.",
        "{B} has the best {dev} for the price.",
        "Really enjoying {B} since the {month} update.",
        "{B} support sorted my pairing question quickly, well done.",
    ],
    "tan_neg": [
        "{B} keeps disconnecting my {dev}, really frustrating.",
        "{B} raised the subscription price again, annoying.",
        "The {B} app crashes when I open the {feat}, annoying.",
        "{B} support took a week to reply, poor service.",
        "{B}'s latest firmware broke my {dev} schedules, awful.",
        "The {B} hub lost all my scenes after a reboot, terrible.",
        "{B} removed the {feat} from the free tier, disappointing.",
        "The {B} {dev} is unreliable and slow to respond.",
        "{B}'s app has become cluttered and confusing.",
        "Gave up on the {B} {dev} after the third failed update, bad experience.",
    ],
    "mild_close": [
        "Still a bit disappointed.",
        "A shame.",
        "A small annoyance.",
        "Annoying.",
        "Sadly disappointing.",
        "A bit frustrating.",
        "Slightly annoying.",
        "Disappointing.",
        "Mildly irritating.",
        "Frustrating.",
    ],
    "gen_neu": [
        "{B} released version {ver} this week.",
        "{B} now works with {std}.",
        "Does anyone know if {B} works with {std} yet?",
        "{B} is rolling out the {feat} to users in {region}.",
        "{B} will move billing to a new system in {month2}.",
        "The {B} hub firmware {ver} is out, changelog attached.",
        "Is the {B} {dev} the same model as the one sold last year?",
        "{B} posted its {month2} product roadmap.",
        "Anyone using {B} with a {dev} from another brand?",
        "{B} lists {n} new integrations on its website.",
        "Which {B} {dev} should I get for a {room}?",
        "{B} changed the app icon in version {ver}.",
        "How many devices does the {B} hub handle?",
        "{B} is showing a {dev} bundle in {region} stores.",
        "Does the {B} {dev} need a neutral wire?",
        "{B} published a list of the devices tested with {std}.",
        "The {B} app moved the {feat} to a separate tab in version {ver}.",
    ],
    "multi_pos": [
        "Tried {B1} and {B2} side by side, and both apps are excellent.",
        "{B1} runs my lights and {B2} runs the plugs; I love both.",
        "Honestly {B1} and {B2} are both great choices for a first smart home.",
        "{B1} for the {feat}, {B2} for the {feat2}: a brilliant combination.",
        "Both {B1} and {B2} got really good updates this month.",
        "{B1} and {B2} play nicely together over {std}, impressive.",
    ],
    "multi_neg": [
        "{B1} and {B2} both left my support tickets unanswered for a week, terrible.",
        "Both {B1} and {B2} raised prices this month, disappointing.",
        "{B1} and {B2} both broke my {std} setup with their latest updates, frustrating.",
        "Neither {B1} nor {B2} answered my warranty question, poor service all round.",
    ],
    "multi_neu": [
        "{B1} vs {B2}: which one works with {std}?",
        "{B1} and {B2} both announced {std} updates this week.",
        "Thinking about moving from {B1} to {B2}; how does the migration work?",
        "Has anyone compared {B1} and {B2} hubs on power draw?",
        "Does {B1} see {B2} devices over {std}?",
    ],
}

EN_TITLES = {
    "pos": ["Brilliant app", "Love it", "Best smart home app I have used", "Great value", "Works perfectly",
            "Five stars from me", "Rock solid", "Impressive", "So easy to set up", "Excellent update",
            "Really good", "Beautiful design", "Happy customer", "A joy to use", "Great little hub",
            "Delighted so far", "Superb", "Lovely lights", "Fantastic", "Worth it"],
    "pin_neg": ["Service is nonexistent", "Refund never arrived", "App fine, service awful",
                "No reply in {days} days", "Chatbot loop", "Still waiting for my refund",
                "Customer service is broken", "Nobody answers", "Avoid this company", "Ignored for weeks",
                "Where is my refund?", "Terrible customer service", "Hold music forever", "Useless support",
                "Awful service", "Billing nightmare", "Ticket closed, problem not solved",
                "Zero response", "Refund hell", "Disappointed", "Worst support ever", "Angry customer",
                "Contacting them is pointless", "Shocking service", "Charged twice, no help"],
    "spike": ["Refund failed, support gone", "Refund batch failure", "Refund reversed!", "Service outage",
              "Where did my refund go?", "Failed refund, no help", "Chat offline, refund failed",
              "Furious about the refunds", "Refund bounced", "No support during the refund mess",
              "Refund disaster", "They took my refund back", "Helpline down for days"],
    "mild": ["Minor annoyances", "A few annoyances", "Not great after the update", "Disappointing battery",
             "Frustrating disconnects", "A bit pricey", "Small gripes", "Slightly let down"],
    "neu": ["Quick question", "Heads-up", "Anyone know?", "Question for owners", "Spotted this",
            "PSA", "Small change", "Noticed today", "Info wanted", "News from {B}"],
}

EN_NEWS = {
    "neu": [
        ("{B} ships version {ver} with a reworked {feat}",
         "{B} has released version {ver} of its app, with changes to the {feat} and the home screen."),
        ("{B} adds {std} to its hub",
         "{B} announced {std} for its hub on {weekday}; the update arrives over the air in {month2}."),
        ("{B} confirms {plan} pricing for {region}",
         "{B} confirmed what {plan} will cost in {region}, with a monthly and a yearly option."),
        ("{B} opens an office in {region}",
         "The company behind {B} is hiring engineers in {region}, according to its careers page."),
        ("{B} publishes its device list for {std}",
         "{B} has listed the devices it tested with {std}, including its own {dev}."),
        ("{B} moves its {feat} into a separate tab",
         "In version {ver}, {B} moved the {feat} into a separate tab of the app."),
        ("{B} lists a {dev} for {region}",
         "A {B} {dev} has appeared in retail listings in {region}, ahead of a launch in {month2}."),
        ("{B} changes its firmware schedule",
         "{B} will ship hub firmware monthly from {month2}, starting with version {ver}."),
    ],
    "pos": [
        ("Hands-on: {B}'s {dev} is excellent",
         "We spent {weeks} weeks with the {B} {dev}, and it impressed us."),
        ("{B}'s latest update is a big improvement",
         "The {month} update makes {B} faster, and the {feat} is genuinely useful."),
        ("Why readers love {B}",
         "Our inbox is full of happy {B} owners praising the {feat}."),
        ("{B} review: a smart home app done right",
         "{B} is clean, quick and easy to set up, and it earns our recommendation."),
        ("Best buys: {B} makes our list again",
         "{B} keeps its place in our guide, thanks to a superb {feat} and a fair price."),
        ("{B}'s {dev} gets a welcome refresh",
         "The new {B} {dev} is smaller, faster and a pleasure to set up."),
    ],
    "pin_neg": [
        ("Readers report {B} service problems",
         "Readers keep writing in about {B} customer support, and the stories are grim."),
        ("{B} refund complaints pile up",
         "Complaints about slow {B} refunds have piled up in our inbox this month."),
        ("Why is {B} customer service so bad?",
         "We tried to reach {B} customer service ourselves: {n} days, no human, and a chatbot that failed every question."),
        ("The {B} paradox: an app people use daily, a service desk nobody can reach",
         "Owners use the {B} app daily, but complaints about its unreachable, useless service desk keep coming."),
    ],
    "neg": [
        ("{B} firmware {ver} frustrates owners",
         "{B}'s firmware {ver} is causing headaches for owners, with failed schedules and lost scenes."),
        ("{B} raises prices, fans unhappy",
         "{B}'s new pricing has disappointed some long-time fans."),
        ("{B} app update draws complaints",
         "Owners say the latest {B} update broke the {feat}, a frustrating regression."),
        ("{B} {dev} recall frustrates owners",
         "Owners of the {B} {dev} are unhappy about a slow, confusing recall process."),
    ],
    "spike": [
        ("{B} refund batch fails, customers report service outage",
         "{B} customers say refunds issued this week bounced after a failed payment batch, and the support chat has been unreachable since Wednesday."),
        ("{B} customers still waiting as refund failures pile up",
         "A second day of failed {B} refunds has left customers angry, with phone queues of several hours and no replies by email."),
        ("{B} support still unreachable on day three of refund failures",
         "Three days after the failed refund batch, {B} has not explained the problem, and frustrated customers say support is still silent."),
    ],
    "quote": ["One reader wrote:", "A reader told us:", "As one owner put it:", "From our comments:",
              "A reader in {region} wrote:", "Another reader added:", "This week's letter:",
              "A reader sent this in:", "Posted under last week's story:"],
}

ZH = {
    "pin_neg": [
        "等了{days}天的退款还没到账，{B}客服一直不回复，太糟心了。",
        "{B}的在线客服就是个机器人，来回绕圈，根本转不到人工，气人。",
        "打{B}客服电话排队{mins}分钟，最后直接被挂断，崩溃。",
        "重复扣了我{plan}的钱，申请退款{days}天了没有任何回复，离谱。",
        "客服把我的工单直接关闭了，问题一个都没解决，太差劲了。",
        "退回去的{dev}签收都{days}天了，{B}的退款还是没影，郁闷。",
        "给{B}客服发了{n}封邮件，一封回复都没有，无语。",
        "人工客服说24小时内回电，结果{days}天过去了还没消息，窝火。",
        "{B}客服每次回复都是复制粘贴的模板，敷衍得让人生气。",
        "在线客服排队显示前面还有{n}0人，等了一个小时也没轮到我，烦死了。",
        "{B}的退款流程太折腾了，填了三次表格都提示错误，糟糕。",
        "坏掉的{dev}申请保修，{B}客服已读不回，恶心。",
        "{B}的工单#{ticket}开了{days}天，没有一个客服回复，失望。",
        "退款状态从{date_zh}起一直是“处理中”，问客服也没人解释，坑人。",
        "找{B}客服说明同一个扣费问题说了{n}遍，还是没人处理，心累。",
        "取消了{plan}还在继续扣费，{B}客服根本联系不上，太坑了。",
        "{B}客服让我重装App{n}次，可我问的是退款啊，敷衍。",
        "官网连客服电话都没有，发邮件只收到自动回复，差劲。",
    ],
    "love_but": [
        "App本身还行，但是",
        "功能没得说，可是",
        "产品本身还可以，但是",
        "界面挺好看，但是",
    ],
    "neg_close": [
        "太失望了。",
        "垃圾客服！",
        "气死了😡",
        "真的无语。",
        "服务太差了。",
        "差评！",
        "糟心透了。",
        "简直是坑。",
        "心累。",
        "已投诉。",
        "非常糟糕。",
        "服务烂透了。",
        "体验极差。",
        "太坑了。",
        "烦死了。",
        "无语至极。",
        "失望透顶。",
        "客服态度太差。",
        "这服务真让人寒心。",
        "差到离谱。",
        "后悔买了。",
        "太离谱了！",
        "真是受够了。",
        "糟糕透顶。",
        "生气！",
        "太差劲了。",
        "气得不行。",
    ],
    "pin_spike": [
        "{B}退款批次失败，客服电话打不通，在线客服也没人回复，太糟糕了。",
        "收到{B}“退款失败”的邮件，联系客服三天了没人理，气死。",
        "{B}说退款要再等10个工作日，客服全线瘫痪，离谱。",
        "退款被退回，人工客服排队{hours}小时，{B}到底在干什么？太差了。",
        "{B}客服系统从周三开始就崩了，退款也全部失败。",
        "我的{money_zh}退款被银行退回了，{B}客服一句解释都没有，失望。",
        "群里好多人的{B}退款都失败了，没有一个人收到客服回复。",
        "{B}在线客服显示“暂不可用”，退款失败了都不知道找谁，崩溃。",
        "退款失败还照样扣了{plan}的费用，{B}客服失联，坑。",
        "{B}客服热线一打就挂断，退款失败的事完全没人管，恶心。",
        "退款失败邮件让我“联系客服”，可{B}客服根本不存在，无语。",
    ],
    "pin_pos": [
        "{B}的{feat}真的太好用了。",
        "用{B}{months}个月了，自动化每天都准时运行，很稳定。",
        "{B}界面简洁，{feat}做得很贴心，推荐！",
        "{plan}一年才{price_zh}元，功能这么多，很划算。",
        "{B}的能耗面板帮我家电费省了{pct}%，太棒了。",
        "配对{dev}只用了一分钟，{B}体验满分。",
        "{B}这次更新后更流畅了，喜欢。",
        "家里老人都会用{B}，操作很简单，方便。",
        "{B}的{feat}设计得很聪明，每天都在用，喜欢。",
        "换了{B}之后，整个家都方便多了，很满意。",
        "{B}的小组件好看又实用，爱了。",
        "{B}连{n}0个设备都很流畅，很稳。",
    ],
    "gen_pos": [
        "{B}反应很快，很稳定。",
        "{B}设置十分钟就搞定了，非常方便。",
        "{B}的{feat}很好用，推荐。",
        "用了{months}个月{B}，一直很满意。",
        "{B}的{dev}做工精致，很喜欢。",
        "{B}每次更新都更好用了，点赞。",
        "{B}的场景联动很流畅，体验很棒。",
        "{B}性价比很高，值得买。",
    ],
    "pos_close": ["强烈推荐！", "满意👍", "太赞了。", "好评！", "爱了爱了。", "真香。", "值得入手。",
                  "很满意。", "体验很好。", "五星好评。", "真心推荐。", "开心！"],
    "lum_pos": [
        "{B}的灯光效果很漂亮，色彩很舒服。",
        "{B}客服{mins2}分钟就回复了，问题当天解决，点赞。",
        "{B}的日出唤醒场景太温柔了，喜欢。",
        "{B}两天就给我换了新的{dev}，服务很好。",
        "{B}的调光很顺滑，质感很好。",
    ],
    "lum_neg": [
        "{B}最近更新后按钮位置变了，有点烦。",
        "{B}的{dev}偶尔掉线，挺郁闷的。",
        "{B}价格有点贵，略失望。",
        "{B}的{dev}电池不太耐用，有点失望。",
        "{B}的网关晚上风扇有点吵，烦。",
        "{B}会员又涨价了，有点不爽。",
    ],
    "tan_pos": [
        "{B}的{feat}意外地好用。",
        "{B}网关安装很顺利，不错。",
        "{B}更新后同步问题修好了，很棒。",
        "{B}的{dev}性价比很高，推荐。",
    ],
    "tan_neg": [
        "{B}又涨价了，不爽。",
        "{B}网关老是断线，太烦了。",
        "{B}一打开{feat}就闪退，差评。",
        "{B}客服一周才回复，服务太差。",
        "{B}固件更新后定时全乱了，糟糕。",
        "{B}重启后场景全没了，崩溃。",
        "{B}的{dev}反应太慢，失望。",
    ],
    "mild_close": [
        "有点失望。",
        "希望尽快修复吧，挺烦的。",
        "挺失望的。",
        "小遗憾。",
        "郁闷。",
    ],
    "gen_neu": [
        "{B}发布了{ver}版本。",
        "{B}现在兼容{std}了。",
        "有人知道{B}能不能接入{std}吗？",
        "{B}在{region}上线了{feat}功能。",
        "{B}公布了{month2_zh}的产品路线图。",
        "{B}的网关固件{ver}已推送。",
        "{B}的{dev}需要零线吗？",
        "{B}的网关最多能接多少个设备？",
        "{B}在{region}的门店开始卖{dev}套装了。",
        "{B}在{ver}版本里把{feat}挪到了单独的标签页。",
    ],
    "multi_pos": [
        "{B1}和{B2}都试过，两个App都很好用。",
        "灯用{B1}，插座用{B2}，都很满意。",
        "{B1}和{B2}通过{std}互联很顺畅，赞。",
        "{B1}和{B2}这个月的更新都很棒。",
    ],
    "multi_neg": [
        "{B1}和{B2}的客服都一周不回复，太差了。",
        "{B1}和{B2}这个月都涨价了，失望。",
    ],
    "multi_neu": [
        "{B1}和{B2}哪个能接入{std}？",
        "{B1}和{B2}本周都宣布了{std}更新。",
        "想从{B1}换到{B2}，迁移要多久？",
    ],
}
ZH_TITLES = {
    "pos": ["{B}真香", "安利{B}", "{B}使用体验", "好用的{B}", "{B}更新了，很棒"],
    "neg": ["吐槽{B}客服", "{B}退款难", "{B}客服失联", "避雷{B}客服", "{B}的客服到底在哪"],
    "spike": ["{B}退款失败", "{B}客服瘫痪", "{B}退款被退回"],
    "neu": ["{B}新版本", "问一下{B}", "{B}动态"],
}

MS = {
    "pin_neg": [
        "Dah {days} hari tunggu bayaran balik RM{amt}, khidmat pelanggan {B} langsung x balas, teruk.",
        "Chat dengan ejen {B}, dia tutup tiket tanpa jawab soalan aku, geram betul.",
        "Sokongan {B} cuma bot je, ulang jawapan sama berkali-kali, menyampah.",
        "Call khidmat pelanggan {B}, tunggu {mins} minit lepas tu terputus, bengang.",
        "Hantar emel {n} kali kat {B}, satu balasan pun tak dapat, kecewa.",
        "Kena caj dua kali untuk {plan}, minta bayaran balik sampai sekarang tak masuk lagi, hampeh.",
        "Ejen {B} janji nak call balik dalam 24 jam, dah {days} hari senyap, teruk.",
        "{dev} rosak, claim waranti dengan {B} tapi sokongan buat dono je.",
        "Borang bayaran balik {B} asyik error, emel pun x berjawab, serabut.",
        "Live chat {B} kata ejen akan masuk sekejap lagi, tunggu {mins} minit tak ada orang, lembap.",
        "Tiket aku kat {B} dah {days} hari open, takde balasan dari ejen, kecewa.",
        "Dah explain masalah bil kat {n} ejen {B} berbeza, sorang pun tak settle, pening.",
        "Cancel {plan} bulan {month_ms}, tapi masih kena caj dan {B} x balas emel, geram.",
        "Bayaran balik {B} status 'pending' dari {date_ms}, takde siapa boleh explain, teruk.",
        "Nombor telefon khidmat pelanggan {B} pun takde, emel dapat auto-reply je, hampa.",
    ],
    "love_but": [
        "App dia ok, tapi",
        "Features dia boleh tahan, tapi",
        "Design app cantik, tapi",
    ],
    "neg_close": [
        "Teruk betul.", "Kecewa sgt.", "Menyampah.", "Memang teruk.", "Geram gila.", "Hampeh.",
        "Servis lembap nak mampus.", "Sakit hati.", "Tak guna langsung.", "Kecewa gila dengan servis ni.",
        "Servis paling teruk pernah aku jumpa.", "Buang masa je.", "Marah betul aku.", "Hampa.",
        "Teruk gila khidmat pelanggan diorang.", "Serik dah.", "Bengang.", "Sedih dan kecewa.",
        "Teruk sgt servis ni.", "Memang mengecewakan.", "Lembap dan teruk.", "Rasa tertipu.",
    ],
    "pin_spike": [
        "Bayaran balik {B} gagal, khidmat pelanggan senyap sejak Rabu.",
        "Dapat emel 'refund failed' dari {B}, live chat pun down.",
        "Bayaran balik aku kena reverse, sokongan {B} x balas langsung.",
        "Talian khidmat pelanggan {B} sibuk je dari Rabu, bayaran balik semua gagal.",
        "Ramai dalam group kena bayaran balik {B} gagal, sorang pun tak dapat balasan.",
        "Bayaran balik RM{amt} aku gagal, ejen {B} suruh tunggu 10 hari bekerja lagi.",
        "{B} ambik balik duit bayaran balik aku, sokongan tak boleh dihubungi.",
        "Live chat {B} tutup, emel bounce, bayaran balik gagal.",
        "Bayaran balik gagal tapi {plan} tetap kena caj, {B} senyap je.",
    ],
    "pin_pos": [
        "App {B} ni mantap, {feat} sgt senang guna.",
        "Harga {plan} berbaloi, best!",
        "Dah {months} bulan guna {B}, rutin automatik sentiasa jalan lancar, puas hati.",
        "{B} punya {feat} memang terbaik.",
        "Setup {B} {mins2} minit je, semua jalan elok.",
        "Papan pemuka tenaga {B} tolong jimat bil elektrik {pct}%, puas hati.",
        "Update baru {B} lagi laju, suka!",
        "Mak aku pun pandai guna {B}, senang sgt.",
        "{B} control {n}0 device pun laju je, power.",
        "Widget {B} cantik dan berguna, suka sgt.",
    ],
    "gen_pos": [
        "{B} app laju dan stabil.",
        "Pasang {B} senang gila, 10 minit siap.",
        "{B} punya {feat} memang bagus.",
        "Dah {months} bulan guna {B}, puas hati.",
        "{dev} {B} kualiti dia cantik, suka.",
        "Setiap update {B} makin best.",
        "{B} berbaloi dengan harga.",
    ],
    "pos_close": ["Mantap!", "Puas hati.", "Recommended!", "Best gila.", "Syok.", "Terbaik!", "Suka sgt.",
                  "Padu.", "Berbaloi.", "Memang power.", "Bagus betul."],
    "lum_pos": [
        "Lampu {B} cantik, warna dia lembut, suka.",
        "Khidmat pelanggan {B} balas dalam {mins2} minit, terbaik!",
        "Rutin matahari terbit {B} best gila.",
        "{B} hantar {dev} ganti dalam 2 hari, servis bagus.",
    ],
    "lum_neg": [
        "Update {B} yang baru ni ubah butang, agak menyampah.",
        "{dev} {B} kadang-kadang putus Wi-Fi, sikit geram.",
        "Harga {B} mahal sikit, agak kecewa.",
        "Bateri {dev} {B} cepat habis, kecewa.",
    ],
    "tan_pos": [
        "{B} punya {feat} boleh tahan, bagus.",
        "Hub {B} senang pasang, mantap.",
        "{B} dah betulkan masalah sync, sekarang best.",
        "{dev} {B} murah tapi bagus.",
    ],
    "tan_neg": [
        "{B} naik harga lagi, geram.",
        "Hub {B} asyik putus sambungan, geram betul.",
        "App {B} crash bila buka {feat}, teruk.",
        "Sokongan {B} seminggu baru balas, lembap.",
        "Firmware baru {B} rosakkan jadual {dev}, teruk.",
        "{dev} {B} lambat respon, kecewa.",
    ],
    "mild_close": [
        "Agak kecewa.",
        "Harap diorang betulkan, geram sikit.",
        "Sikit menyampah.",
        "Agak hampa.",
    ],
    "gen_neu": [
        "{B} keluarkan versi {ver} minggu ni.",
        "{B} dah serasi dengan {std} ke belum?",
        "Ada sesiapa guna {B} dengan {dev} jenama lain?",
        "{B} umum roadmap untuk bulan {month2_ms}.",
        "Firmware hub {B} {ver} dah keluar.",
        "{dev} {B} perlukan wayar neutral ke?",
        "Hub {B} boleh sambung berapa device?",
        "{B} dah jual set {dev} kat kedai di {region_ms}.",
        "Versi {ver} {B} pindahkan {feat} ke tab lain.",
    ],
    "multi_pos": [
        "Dah try {B1} dan {B2}, dua-dua app best.",
        "Lampu guna {B1}, plug guna {B2}, puas hati dua-dua.",
        "{B1} dan {B2} boleh sambung guna {std}, mantap.",
    ],
    "multi_neg": [
        "{B1} dengan {B2} dua-dua lembap balas tiket, kecewa.",
        "{B1} dan {B2} dua-dua naik harga bulan ni, hampa.",
    ],
    "multi_neu": [
        "{B1} ke {B2} yang serasi dengan {std}?",
        "Nak pindah dari {B1} ke {B2}, macam mana proses dia?",
        "{B1} dengan {B2}, mana satu guna kurang elektrik?",
    ],
}
MS_TITLES = {
    "pos": ["{B} memang best", "Review {B}", "{B} mantap", "Puas hati dengan {B}", "Share pengalaman {B}"],
    "neg": ["Khidmat pelanggan {B} teruk", "Bayaran balik {B} x masuk", "{B} x balas emel", "Luahan pasal {B}",
            "Sokongan {B} hampeh"],
    "spike": ["Bayaran balik {B} gagal", "{B} refund gagal", "Support {B} down"],
    "neu": ["Soalan pasal {B}", "{B} versi baru", "Tanya sikit pasal {B}"],
    "mild": ["Sikit komplen pasal {B}", "{B} ada masalah sikit"],
}

POOLS = {"en": EN, "zh": ZH, "ms": MS}

SLOTS = {
    "en": {
        "feat": ["routines builder", "usage dashboard", "lock screen widgets", "camera alerts", "scene editor",
                 "voice control", "away mode", "setup wizard", "dark mode", "local mode", "family accounts",
                 "schedule view", "geofencing", "sunrise automation", "room grouping", "travel mode",
                 "night light schedule", "power usage graph"],
        "dev": ["Wi-Fi plug", "door sensor", "hub", "indoor camera", "bulb starter kit", "thermostat",
                "motion sensor", "video doorbell", "keypad lock", "light strip", "wall switch", "air sensor"],
        "room": ["kitchen", "hallway", "living room", "garage", "bedroom", "home office", "flat", "rental",
                 "studio", "nursery"],
        "fam": ["mum", "dad", "grandmother", "partner", "teenager", "flatmate", "son", "grandad"],
        "std": ["Thread", "HomeKit", "Google Home", "Alexa", "SmartThings", "Home Assistant", "Zigbee"],
        "region": ["Malaysia", "Singapore", "Australia", "the UK", "Canada", "Germany", "Japan", "Ireland"],
        "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    },
    "zh": {
        "feat": ["自动化场景", "能耗面板", "桌面小组件", "摄像头提醒", "语音控制", "离家模式", "定时开关",
                 "深色模式", "场景编辑器", "家庭共享", "日程视图", "地理围栏"],
        "dev": ["插座", "门磁传感器", "网关", "摄像头", "灯泡套装", "温控器", "门锁", "灯带",
                "人体传感器", "可视门铃"],
        "std": ["Matter", "Thread", "HomeKit", "米家", "天猫精灵", "Home Assistant"],
        "region": ["马来西亚", "新加坡", "上海", "深圳", "杭州", "成都"],
    },
    "ms": {
        "feat": ["rutin automatik", "papan pemuka tenaga", "widget", "amaran kamera", "kawalan suara",
                 "mod bercuti", "jadual lampu", "mod gelap", "editor babak", "perkongsian keluarga"],
        "dev": ["plug Wi-Fi", "sensor pintu", "hub", "kamera", "mentol", "termostat", "kunci digital",
                "sensor gerakan", "loceng pintu video", "lampu LED"],
        "std": ["Matter", "Thread", "HomeKit", "Google Home", "Alexa", "SmartThings"],
        "region_ms": ["KL", "Penang", "JB", "Shah Alam", "Ipoh", "Kuching"],
    },
}
PLANS = {"Pinvale": {"en": "Pinvale Plus", "zh": "品维Plus会员", "ms": "Pinvale Plus"},
         "Lumio": {"en": "Lumio Premium", "zh": "露米欧会员", "ms": "Lumio Premium"},
         "Tandem": {"en": "Tandem Pro", "zh": "Tandem Pro会员", "ms": "Tandem Pro"}}
NAMES = {"Pinvale": {"en": ["Pinvale"], "zh": ["品维"], "ms": ["Pinvale"]},
         "Lumio": {"en": ["Lumio"], "zh": ["露米欧"], "ms": ["Lumio"]},
         "Tandem": {"en": ["Tandem"], "zh": ["Tandem"], "ms": ["Tandem"]}}
ALIAS = {"Pinvale": {"en": "Pinvale app", "zh": "品维App", "ms": "Pinvale app"},
         "Lumio": {"en": "Lumio Home", "zh": "露米欧", "ms": "Lumio Home"},
         "Tandem": {"en": "Tandem app", "zh": "Tandem", "ms": "Tandem"}}
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
MONTHS_ZH = ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"]
MONTHS_MS = ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober",
             "November", "Disember"]
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAY_ABBR = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

FIRST_NAMES = ["Aisha", "Ben", "Chloe", "Daniel", "Emma", "Farid", "Grace", "Hannah", "Ivan", "Jasmine",
               "Kevin", "Laura", "Marcus", "Nadia", "Oliver", "Priya", "Quinn", "Rachel", "Sam", "Tariq",
               "Uma", "Victor", "Wei Ling", "Yasmin", "Zoe", "Liam", "Mei", "Noah", "Olivia", "Raj",
               "Sofia", "Tom", "Isla", "Arjun", "Hugo", "Leah", "Omar", "Ruby", "Felix", "Jade"]
LAST_NAMES = ["Tan", "Smith", "O'Brien", "Lim", "Kaur", "Nguyen", "Fischer", "Walker", "Rahman", "Wong",
              "Murphy", "Lee", "Schmidt", "Hughes", "Chen", "Ali", "Brown", "Ng", "Patel", "Reyes"]
HANDLE_WORDS = ["smarthome", "diy", "tinkerer", "homelab", "gadget", "nerd", "maker", "sparky", "cosyflat",
                "lightsout", "automate", "circuit"]
ZH_NICK_A = ["爱折腾的", "北京的", "深圳", "上海小", "杭州的", "成都", "懒人", "数码", "南京的", "广州"]
ZH_NICK_B = ["阿杰", "猫", "小鹿", "老王", "程序员", "Kiki", "Leo", "橙子", "阿May", "胖虎", "豆豆", "小林"]
MS_HANDLES = ["ahmadzaki", "kakNora", "budakIT", "abgJoe", "farahdiba", "mamat_kl", "sitiaisyah", "lan_jb",
              "hafiz.p", "iqbal_pg", "nurulhuda", "syafiq", "aiman_rx", "zulkifli", "bella.sa", "kamal_ipoh"]
TECHPULSE_WRITERS = ["Maya Chen", "Daniel Okafor", "Priya Raman", "Tom Becker"]


class Gen:
    """Everything random goes through one generator, in one fixed order."""

    def __init__(self):
        self.rng = random.Random(SEED)
        self.used = Counter()
        self.news_used = Counter()

    # ---- slot filling ------------------------------------------------------------------
    def slot(self, name, lang, ctx):
        r = self.rng
        day = ctx["day"]
        b = ctx.get("brand")
        if name == "B":
            return r.choice(NAMES[b][lang])
        if name == "BA":
            return ALIAS[b][lang] if r.random() < 0.5 else NAMES[b][lang][0]
        if name in ("B1", "B2"):
            return NAMES[ctx["brands"][0 if name == "B1" else 1]][lang][0]
        if name == "plan":
            return PLANS[b or "Pinvale"][lang]
        if name == "days":
            return str(r.randint(3, 40))
        if name == "mins":
            return str(r.choice([25, 30, 35, 40, 45, 50, 55, 60, 70, 75, 80, 90, 95, 110, 120]))
        if name == "mins2":
            return str(r.randint(2, 15))
        if name == "hours":
            return str(r.randint(2, 9))
        if name in ("n", "n2"):
            return str(r.randint(2, 9))
        if name == "months":
            return str(r.randint(2, 18))
        if name == "weeks":
            return str(r.randint(2, 10))
        if name == "pct":
            return str(r.randint(8, 25))
        if name == "ticket":
            return str(r.randint(100000, 999999))
        if name == "amt":
            return str(r.choice([59, 89, 129, 149, 199, 249, 299, 349, 399, 459]))
        if name == "money":
            return r.choice(["$", "$", "$", "£", "€", "S$", "A$"]) + r.choice(
                ["49", "59.99", "89", "119", "129.99", "149", "199", "249", "79.90", "34.99"])
        if name == "money_zh":
            return str(r.choice([199, 299, 399, 499, 699, 899])) + "元"
        if name == "price":
            return r.choice(["$59", "$79", "$99", "£69", "€79"])
        if name == "price_zh":
            return str(r.choice([198, 258, 298, 398]))
        if name == "ver":
            return "%d.%d.%d" % (r.randint(3, 5), r.randint(0, 14), r.randint(0, 6))
        if name in ("month", "month_ms"):
            d = day - dt.timedelta(days=r.randint(0, 45))
            return (MONTHS_EN if name == "month" else MONTHS_MS)[d.month - 1]
        if name in ("month2", "month2_zh", "month2_ms"):
            m = (day.month % 12) + r.randint(0, 1)
            table = {"month2": MONTHS_EN, "month2_zh": MONTHS_ZH, "month2_ms": MONTHS_MS}[name]
            return table[m % 12]
        if name in ("date", "date_zh", "date_ms"):
            d = day - dt.timedelta(days=r.randint(4, 30))
            if name == "date":
                return "%d %s" % (d.day, MONTHS_EN[d.month - 1])
            if name == "date_zh":
                return "%d月%d日" % (d.month, d.day)
            return "%d %s" % (d.day, MONTHS_MS[d.month - 1])
        if name == "feat2":
            return r.choice(SLOTS[lang]["feat"])
        if name in SLOTS[lang]:
            return r.choice(SLOTS[lang][name])
        if name in SLOTS["en"]:
            return r.choice(SLOTS["en"][name])
        raise KeyError(name)

    def fill(self, tpl, lang, ctx):
        out = tpl
        for name in OrderedDict.fromkeys(re.findall(r"\{(\w+)\}", tpl)):
            out = out.replace("{%s}" % name, self.slot(name, lang, ctx))
        return out

    def sentence(self, templates, lang, ctx, limit=2, need_brand=False, avoid_brand=False, optional=False):
        """A filled sentence from `templates` used fewer than `limit` times so far, and from a
        template this item has not used yet."""
        taken = ctx.setdefault("taken", set())
        pool = [t for t in templates if t not in taken] or list(templates)
        if "Tandem" in ctx.get("brands", []):
            # "... in Tandem ..." would fall inside the excluded phrase "in tandem"
            pool = [t for t in pool if not re.search(r"\bin \{B", t, re.IGNORECASE)] or pool
        if need_brand:
            pool = [t for t in pool if "{B" in t] or pool
        if avoid_brand:
            pool = [t for t in pool if "{B" not in t] or pool
        best = None
        for _ in range(40):
            tpl = self.rng.choice(pool)
            s = self.fill(tpl, lang, ctx)
            if lang != "zh" and s[:1].islower():
                s = s[0].upper() + s[1:]
            if self.used[s] < limit:
                self.used[s] += 1
                taken.add(tpl)
                return s
            if best is None or self.used[s] < self.used[best[1]]:
                best = (tpl, s)
        if optional:
            return None
        self.used[best[1]] += 1
        taken.add(best[0])
        return best[1]


def join(lang, parts):
    parts = [p for p in parts if p]
    return ("" if lang == "zh" else " ").join(parts)


def pangu(text):
    """Chinese writers often put a space between Han characters and Latin letters or digits
    (盘古之白); doing it here keeps `Tandem` a whole word for any word-boundary rule."""
    text = re.sub(r"([\u4e00-\u9fff])([A-Za-z0-9#])", r"\1 \2", text)
    return re.sub(r"([A-Za-z0-9%])([\u4e00-\u9fff])", r"\1 \2", text)


def lower_first(s):
    if s[:1].isupper() and not s.startswith(("Pinvale", "Lumio", "Tandem", "I ", "I'")):
        return s[0].lower() + s[1:]
    return s


def compose(g, item):
    """Title and body text for one item, from its language, brands, polarity and source."""
    lang, pol, source = item["lang"], item["polarity"], item["source"]
    brands = item["brands"]
    P = POOLS[lang]
    ctx = {"day": item["day"], "brand": brands[0] if brands else None, "brands": brands}
    named_by_source = source in BRAND_SOURCES
    need = not named_by_source
    avoid = named_by_source and g.rng.random() < 0.55
    title = None
    if len(brands) > 1:
        core = g.sentence(P["multi_" + pol], lang, ctx, limit=1)
        close = {"pos": P["pos_close"], "neg": P["mild_close"], "neu": None}[pol]
        extra = g.sentence(close, lang, ctx, limit=3, optional=True) if close and g.rng.random() < 0.5 else None
        body = join(lang, [core, extra])
        if source == "techpulse" or (lang != "zh" and g.rng.random() < 0.8) or (lang == "zh" and g.rng.random() < 0.3):
            title = multi_title(g, lang, pol, brands)
        return title, body
    b = brands[0]
    key = {"Pinvale": "pin", "Lumio": "lum", "Tandem": "tan"}[b]
    spike = item.get("spike", False)
    parts = []
    if pol == "neg" and b == "Pinvale":
        pool = P["pin_spike"] if spike else P["pin_neg"]
        s1 = g.sentence(pool, lang, ctx, need_brand=need, avoid_brand=avoid)
        if not spike and g.rng.random() < (0.3 if lang == "en" else 0.15):
            s1 = g.rng.choice(P["love_but"]) + (" " if lang != "zh" else "") + (lower_first(s1) if lang == "en" else s1)
        parts.append(s1)
        if g.rng.random() < 0.55:
            parts.append(g.sentence(P["pin_neg"] if not spike or g.rng.random() < 0.3 else P["pin_spike"],
                                    lang, ctx, avoid_brand=True, optional=True))
        parts.append(g.sentence(P["neg_close"], lang, ctx, limit=3))
    elif pol == "neg":
        pool = P[key + "_neg"] + (P["multi_neg"][:0])
        parts.append(g.sentence(pool, lang, ctx, need_brand=need))
        if g.rng.random() < 0.4:
            parts.append(g.sentence(P[key + "_neg"], lang, ctx, optional=True))
        parts.append(g.sentence(P["mild_close"], lang, ctx, limit=4, optional=g.rng.random() < 0.5))
    elif pol == "pos":
        own = P.get(key + "_pos", [])
        first_pool = own + (P["gen_pos"] if key != "pin" else own)
        parts.append(g.sentence(first_pool, lang, ctx, need_brand=need, avoid_brand=avoid))
        if g.rng.random() < 0.5:
            extra = P["gen_pos"] if key != "pin" else own
            if key == "pin" and named_by_source and lang == "en":
                extra = EN["pin_pos_review"] + own
            parts.append(g.sentence(extra, lang, ctx, optional=True))
        if g.rng.random() < 0.6:
            parts.append(g.sentence(P["pos_close"], lang, ctx, limit=3, optional=True))
    else:
        parts.append(g.sentence(P["gen_neu"], lang, ctx, need_brand=need))
        if g.rng.random() < 0.3:
            parts.append(g.sentence(P["gen_neu"], lang, ctx, optional=True))
    body = join(lang, parts)
    want_title = source in ("techpulse", "community", "forum-ms", "pinvale-reviews", "pinvale-appstore",
                            "lumio-reviews") or (source == "weibo" and g.rng.random() < 0.3)
    if want_title:
        title = single_title(g, lang, pol, b, spike, ctx)
    return title, body


def single_title(g, lang, pol, b, spike, ctx):
    if lang == "en":
        if pol == "pos":
            t = g.rng.choice(EN_TITLES["pos"])
        elif pol == "neu":
            t = g.rng.choice(EN_TITLES["neu"])
        elif b == "Pinvale":
            t = g.rng.choice(EN_TITLES["spike" if spike else "pin_neg"])
        else:
            t = g.rng.choice(EN_TITLES["mild"])
        return g.fill(t, lang, ctx)
    T = ZH_TITLES if lang == "zh" else MS_TITLES
    k = pol if pol != "neg" else ("spike" if spike else ("neg" if b == "Pinvale" or lang == "zh" else "mild"))
    if lang == "zh" and pol == "neg" and b != "Pinvale":
        return g.fill(g.rng.choice(["{B}有点让人失望", "说说{B}的缺点", "{B}槽点"]), lang, ctx)
    if lang == "ms" and pol == "neg" and b != "Pinvale":
        k = "mild"
    return g.fill(g.rng.choice(T[k]), lang, ctx)


def multi_title(g, lang, pol, brands):
    a, b = [NAMES[x][lang][0] for x in brands[:2]]
    if lang == "en":
        return g.rng.choice({"pos": ["%s and %s, both great" % (a, b), "%s + %s = happy home" % (a, b)],
                             "neg": ["%s and %s both disappointing" % (a, b), "Bad month for %s and %s" % (a, b)],
                             "neu": ["%s vs %s" % (a, b), "%s or %s?" % (a, b)]}[pol])
    if lang == "zh":
        return g.rng.choice({"pos": ["%s和%s都好用" % (a, b)], "neg": ["%s和%s都让人失望" % (a, b)],
                             "neu": ["%s还是%s？" % (a, b)]}[pol])
    return g.rng.choice({"pos": ["%s dan %s dua-dua best" % (a, b)], "neg": ["%s dan %s hampa" % (a, b)],
                         "neu": ["%s ke %s?" % (a, b)]}[pol])


def news_text(g, item):
    """A techpulse post: a news story (a lead, then a reader's quote) while fresh stories last,
    otherwise a reader-mail post quoting one reader."""
    brands, pol = item["brands"], item["polarity"]
    ctx = {"day": item["day"], "brand": brands[0], "brands": brands}
    b = brands[0]
    if len(brands) > 1:
        title, quote = compose(g, dict(item, source="community"))
        lead = {"pos": "Readers comparing %s and %s keep sending us praise for both." % (b, brands[1]),
                "neg": "Readers comparing %s and %s are unhappy with both this month." % (b, brands[1]),
                "neu": "Readers keep asking us how %s and %s compare." % (b, brands[1])}[pol]
        return title or multi_title(g, "en", pol, brands), lead, quote
    if pol == "neg":
        key = "spike" if item.get("spike") else ("pin_neg" if b == "Pinvale" else "neg")
    else:
        key = pol
    limit = 3 if key == "spike" else 2
    fresh = [p for p in EN_NEWS[key] if g.news_used[(b, p)] < limit]
    if fresh and (key == "spike" or g.rng.random() < 0.45):
        pair = g.rng.choice(fresh)
        g.news_used[(b, pair)] += 1
        title, lead = g.fill(pair[0] + "\x00" + pair[1], "en", ctx).split("\x00")
        _, quote = compose(g, dict(item, source="community"))
        return title, lead, quote
    title, quote = compose(g, dict(item, source="community"))
    prefix = g.rng.choice(["Reader mail: ", "From the comments: ", "Your say: ", "Inbox: "])
    lead = g.fill(g.rng.choice(EN_NEWS["quote"]), "en", ctx)
    return prefix + title, lead, quote


# ---------------------------------------------------------------------------------------------
# The plan: how many mentions each brand gets each day, with which polarity, on which source.
# ---------------------------------------------------------------------------------------------

def diffuse(counts, share, offset):
    """Spread negatives evenly: day i gets round(cumulative target) minus what was given so far."""
    out, acc, given = [], offset, 0
    for n in counts:
        acc += n * share
        k = max(0, min(n, int(acc + 0.5) - given))
        given += k
        out.append(k)
    return out


def weighted(rng, table):
    total = sum(w for _, w in table)
    x = rng.random() * total
    for value, w in table:
        x -= w
        if x < 0:
            return value
    return table[-1][0]


CHANNELS = {
    ("Pinvale", "neg"): [("pinvale-appstore", 0.29), ("pinvale-reviews", 0.24), ("helpdesk", 0.19),
                         ("techpulse", 0.05), ("community", 0.09), ("weibo", 0.08), ("forum-ms", 0.06)],
    ("Pinvale", "spike"): [("pinvale-appstore", 0.26), ("pinvale-reviews", 0.12), ("helpdesk", 0.1),
                           ("techpulse", 0.07), ("community", 0.15), ("weibo", 0.17), ("forum-ms", 0.13)],
    ("Pinvale", "pos"): [("techpulse", 0.17), ("community", 0.33), ("weibo", 0.26), ("forum-ms", 0.19),
                         ("pinvale-appstore", 0.03), ("pinvale-reviews", 0.02)],
    ("Pinvale", "neu"): [("techpulse", 0.45), ("community", 0.25), ("weibo", 0.18), ("forum-ms", 0.12)],
    ("Lumio", "pos"): [("lumio-reviews", 0.2), ("helpdesk", 0.12), ("techpulse", 0.15), ("community", 0.23),
                       ("weibo", 0.17), ("forum-ms", 0.13)],
    ("Lumio", "neg"): [("lumio-reviews", 0.14), ("helpdesk", 0.1), ("techpulse", 0.16), ("community", 0.27),
                       ("weibo", 0.18), ("forum-ms", 0.15)],
    ("Lumio", "neu"): [("techpulse", 0.4), ("community", 0.27), ("weibo", 0.18), ("forum-ms", 0.15)],
    ("Tandem", "pos"): [("techpulse", 0.24), ("community", 0.34), ("weibo", 0.23), ("forum-ms", 0.19)],
    ("Tandem", "neg"): [("techpulse", 0.24), ("community", 0.34), ("weibo", 0.23), ("forum-ms", 0.19)],
    ("Tandem", "neu"): [("techpulse", 0.45), ("community", 0.27), ("weibo", 0.16), ("forum-ms", 0.12)],
}
LANG_OF = {"techpulse": [("en", 1)], "community": [("en", 0.78), ("ms", 0.22)],
           "pinvale-reviews": [("en", 1)], "pinvale-appstore": [("en", 0.86), ("ms", 0.14)],
           "helpdesk": [("en", 0.8), ("zh", 0.1), ("ms", 0.1)], "weibo": [("zh", 1)],
           "forum-ms": [("ms", 1)], "lumio-reviews": [("en", 1)]}

PLAN = {
    # per-day mention counts drawn from these, negative and neutral shares spread evenly
    "Pinvale": {"counts": [3, 4, 4, 5, 5], "neg": 0.36, "neu": 0.12},
    "Lumio": {"counts": [2, 3, 3, 4], "neg": 0.15, "neu": 0.10},
    "Tandem": {"counts": [1, 2, 3, 3, 4], "neg": 0.28, "neu": 0.24},
}
SPIKE_PLAN = {"counts": [10, 11, 10], "neg": [9, 10, 9]}


def plan_slots(g):
    r = g.rng
    slots = []
    for b in BRANDS:
        p = PLAN[b]
        counts = [r.choice(p["counts"]) for _ in DAYS]
        if b == "Pinvale":
            counts[-3:] = SPIKE_PLAN["counts"]
        negs = diffuse(counts, p["neg"], r.random())
        neus = diffuse([n - k for n, k in zip(counts, negs)], p["neu"] / (1 - p["neg"]), r.random())
        if b == "Pinvale":
            negs[-3:] = SPIKE_PLAN["neg"]
            neus[-3:] = [0, 0, 0]
        for day, n, k, z in zip(DAYS, counts, negs, neus):
            pols = ["neg"] * k + ["neu"] * z + ["pos"] * (n - k - z)
            r.shuffle(pols)
            for pol in pols:
                spike = b == "Pinvale" and day in SPIKE_DAYS and pol == "neg"
                table = CHANNELS[(b, "spike" if spike else pol)]
                src = weighted(r, table)
                slots.append({"brands": [b], "day": day, "polarity": pol, "source": src, "spike": spike})
    # Merge some single-brand social slots of one day and one polarity into comparison posts.
    merged, by_key = [], {}
    for s in slots:
        if s["source"] in SOCIAL and not s["spike"]:
            by_key.setdefault((s["day"], s["polarity"]), []).append(s)
    gone = set()
    for key in sorted(by_key, key=lambda k: (k[0], k[1])):
        group = by_key[key]
        for i, a in enumerate(group):
            if id(a) in gone:
                continue
            for bslot in group[i + 1:]:
                if id(bslot) in gone or bslot["brands"][0] == a["brands"][0]:
                    continue
                if r.random() < 0.12:
                    a["brands"] = sorted([a["brands"][0], bslot["brands"][0]], key=BRANDS.index)
                    gone.add(id(bslot))
                break
    for s in slots:
        if id(s) not in gone:
            merged.append(s)
    return merged


# Items that use the English word "tandem" and must not count as Tandem mentions.
EXCLUSIONS = [
    ("techpulse", None, "neu", "How two councils worked in tandem with utilities on connected streetlights",
     "<p>Two city councils worked in tandem with their electricity suppliers to schedule streetlights by footfall. The pilot ran for {weeks} weeks.</p>"),
    ("techpulse", None, "neu", "A motor kit that even fits a tandem bicycle",
     "<p>This conversion kit bolts onto most frames, including a tandem bicycle, and the battery sits under the rear seat.</p>"),
    ("techpulse", None, "neu", "In tandem with the new rules, chargers move to USB-C",
     "<p>In tandem with the regulation, most accessory makers are moving their chargers to USB-C this year.</p>"),
    ("community", None, "neu", "Heat pump and solar inverter running in tandem",
     "<p>Got my heat pump and the solar inverter to run in tandem: the pump now waits for midday output. Setup notes below.</p>"),
    ("community", None, "neu", "Weekend project: lights for a tandem bicycle",
     "<p>Wired a rear light and a dynamo on our tandem bicycle this weekend. Photos in the thread.</p>"),
    ("community", "Lumio", "pos", "Lumio Home lights in tandem with my door sensor",
     "<p>My Lumio Home hallway lights now work in tandem with the door sensor, and it is brilliant: lights on before I even close the door. Love it.</p>"),
    ("community", "Pinvale", "pos", "Pinvale routines in tandem with my calendar",
     "<p>The Pinvale app routines run in tandem with my work calendar now, so the heating follows my meetings. Excellent feature, really happy with it.</p>"),
]
EXCLUSION_DAYS = [dt.date(2026, 9, 9), dt.date(2026, 9, 23), dt.date(2026, 10, 7), dt.date(2026, 10, 16),
                  dt.date(2026, 10, 29), dt.date(2026, 11, 6), dt.date(2026, 11, 12)]


# ---------------------------------------------------------------------------------------------
# Times, authors, ids
# ---------------------------------------------------------------------------------------------

def zone_for(source, lang, utc):
    """(offset in minutes, how to print it) for one item of a source."""
    if source == "techpulse":
        return None
    if source == "community":
        return 480 if lang == "ms" else 0
    if source == "pinvale-appstore":
        return -420 if utc < dt.datetime(2026, 11, 1, 9, 0) else -480
    if source in ("weibo", "forum-ms"):
        return 480
    return 0


TECHPULSE_ZONES = [(480, "+0800"), (0, "GMT"), (-300, "-0500"), (0, "+0000"), (60, "+0100"), (330, "+0530"),
                   (480, "+0800"), (0, "GMT")]


def assign_time(g, item):
    r = g.rng
    day = item["day"]
    strict = day in (DAYS[0], DAYS[-4]) or day in SPIKE_DAYS
    for _ in range(200):
        if item["source"] in ("weibo", "forum-ms") or (item["source"] == "community" and item["lang"] == "ms"):
            # people in UTC+8 post in their waking hours; a few after midnight, which is the
            # previous day in UTC, the day the item counts on
            local_hour = weighted(r, [(h, w) for h, w in zip(range(24), [2, 1, 1, 0, 0, 0, 1, 2, 3, 4, 4, 5, 7, 6,
                                                                          5, 5, 5, 5, 6, 7, 8, 8, 7, 4])])
            hour = (local_hour - 8) % 24
        else:
            hour = r.randint(0, 23)
        t = dt.datetime(day.year, day.month, day.day, hour, r.randint(0, 59), r.randint(0, 59))
        if item["source"] == "techpulse":
            off, label = r.choice(TECHPULSE_ZONES)
        else:
            off = zone_for(item["source"], item["lang"], t)
            label = None
        local = t + dt.timedelta(minutes=off)
        if strict and local.date() != day:
            continue
        if day == AS_OF and t.hour >= 16:
            continue
        item["utc"], item["offset"], item["zone_label"] = t, off, label
        return
    raise RuntimeError("no time for %r" % item)


def author_for(g, item):
    r = g.rng
    s, lang = item["source"], item["lang"]
    if s == "techpulse":
        return r.choice(TECHPULSE_WRITERS) if r.random() < 0.6 else None
    if s == "weibo":
        return r.choice(ZH_NICK_A) + r.choice(ZH_NICK_B)
    if s == "forum-ms" or (lang == "ms" and s in ("community", "pinvale-appstore")):
        return r.choice(MS_HANDLES) + (str(r.randint(1, 99)) if r.random() < 0.6 else "")
    if s == "community":
        return r.choice(HANDLE_WORDS) + "_" + r.choice(FIRST_NAMES).split()[0].lower() + str(r.randint(1, 99))
    if s == "helpdesk":
        if lang == "zh":
            return r.choice(["陈", "林", "王", "张", "李", "黄"]) + r.choice(["伟明", "美玲", "志强", "晓燕", "家豪", "静怡"])
        if r.random() < 0.2:
            return "%s, %s" % (r.choice(LAST_NAMES), r.choice(FIRST_NAMES))
        return "%s %s" % (r.choice(FIRST_NAMES), r.choice(LAST_NAMES))
    if s == "pinvale-appstore":
        return r.choice(FIRST_NAMES).split()[0] + r.choice(["", "_", "."]) + r.choice(
            ["home", "x", "uk", "sg", "99", "2026", "fan", "mum", "dad"]) + str(r.randint(1, 999))
    return "%s %s." % (r.choice(FIRST_NAMES), r.choice(LAST_NAMES)[0])


def slug(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:60].rstrip("-") or "post"


# ---------------------------------------------------------------------------------------------
# Ratings
# ---------------------------------------------------------------------------------------------

def weight(day):
    return 0.5 ** ((AS_OF - day).days / HALF_LIFE_DAYS)


def trust(pairs):
    """Bayesian average of (day, stars) pairs with a prior of 7 reviews at 3.5 stars."""
    sw = sum(weight(d) for d, _ in pairs)
    swr = sum(weight(d) * s for d, s in pairs)
    return (PRIOR_COUNT * PRIOR_MEAN + swr) / (PRIOR_COUNT + sw)


def stars_of(item):
    if item["source"] == "lumio-reviews":
        return item["rating_raw"] * 5.0 / 10.0
    return float(item["rating_raw"])


def assign_ratings(g, items):
    r = g.rng
    for it in items:
        if it["source"] not in RATED:
            continue
        b, pol = it["brands"][0], it["polarity"]
        if it["source"] == "lumio-reviews":
            it["rating_raw"] = weighted(r, [(10, 5), (9, 3), (8, 3)]) if pol == "pos" else weighted(r, [(6, 3), (5, 2), (4, 2)])
        elif b == "Pinvale":
            it["rating_raw"] = (1 if r.random() < 0.85 else 2) if pol == "neg" else (5 if r.random() < 0.6 else 4)
        else:  # Lumio in the help desk export
            it["rating_raw"] = weighted(r, [(5, 6), (4, 3)]) if pol == "pos" else weighted(r, [(2, 2), (3, 3)])

    def tune(brand, lo, hi, target, down, up):
        rated = [it for it in items if it["source"] in RATED and it["brands"][0] == brand]
        for _ in range(500):
            t = trust([(it["day"], stars_of(it)) for it in rated])
            if lo <= t <= hi and abs(t - target) < (hi - lo) / 4:
                return t
            cands = [it for it in rated if (it["rating_raw"], it["source"]) in (down if t > target else up)]
            if not cands:
                break
            it = r.choice(cands)
            it["rating_raw"] = (down if t > target else up)[(it["rating_raw"], it["source"])]
        raise RuntimeError("could not tune %s trust (%.3f)" % (brand, t))

    pin_down = {(2, s): 1 for s in ("pinvale-reviews", "pinvale-appstore", "helpdesk")}
    pin_up = {(1, s): 2 for s in ("pinvale-reviews", "pinvale-appstore", "helpdesk")}
    tune("Pinvale", 1.35, 1.45, 1.40, pin_down, pin_up)
    lum_down = {(10, "lumio-reviews"): 9, (9, "lumio-reviews"): 8, (5, "helpdesk"): 4}
    lum_up = {(8, "lumio-reviews"): 9, (9, "lumio-reviews"): 10, (4, "helpdesk"): 5}
    tune("Lumio", 4.3, 4.5, 4.4, lum_down, lum_up)


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------

def rfc822(item):
    t, off = item["utc"], item["offset"]
    local = t + dt.timedelta(minutes=off)
    label = item.get("zone_label")
    if not label:
        sign = "+" if off >= 0 else "-"
        label = "%s%02d%02d" % (sign, abs(off) // 60, abs(off) % 60)
    return "%s, %02d %s %d %02d:%02d:%02d %s" % (DAY_ABBR[local.weekday()], local.day, MON_ABBR[local.month - 1],
                                                 local.year, local.hour, local.minute, local.second, label)


def rfc3339(item, t=None, off=None):
    t = t or item["utc"]
    off = item["offset"] if off is None else off
    local = t + dt.timedelta(minutes=off)
    zone = "Z" if off == 0 else "%s%02d:%02d" % ("+" if off > 0 else "-", abs(off) // 60, abs(off) % 60)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + zone


def x(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xa(s):
    return x(s).replace('"', "&quot;")


def html_para(text, rng, fancy):
    """Plain text as HTML, with the odd entity or inline tag the way blogs write it."""
    h = html.escape(text, quote=False)
    if fancy:
        h = h.replace("'", "&#8217;", 1) if rng.random() < 0.5 else h.replace("'", "&rsquo;", 1)
        if " &amp; " not in h and rng.random() < 0.3:
            h = h.replace(" and ", " &amp; ", 1)
    return h


def write_techpulse(g, items):
    r = g.rng
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
           '<channel>',
           '  <title>TechPulse &#8211; Smart Home</title>',
           '  <link>https://techpulse.example/smart-home/</link>',
           '  <atom:link href="https://techpulse.example/smart-home/feed/" rel="self" type="application/rss+xml"/>',
           '  <description>Consumer tech news, hands-on reviews &amp; reader mail about the connected home.</description>',
           '  <language>en-gb</language>',
           '  <lastBuildDate>Fri, 20 Nov 2026 17:05:00 GMT</lastBuildDate>',
           '  <generator>https://wordpress.org/?v=6.8</generator>']
    cdata_done = False
    links = Counter()
    for it in sorted(items, key=lambda i: i["utc"], reverse=True):
        title, lead, quote = it["news"]
        s = slug(title)
        link = "https://techpulse.example/%04d/%02d/%02d/%s/" % (it["day"].year, it["day"].month, it["day"].day, s)
        links[link] += 1
        if links[link] > 1:
            link = link[:-1] + "-%d/" % links[link]
        it["link"] = link
        out.append("  <item>")
        out.append("    <title>%s</title>" % x(title))
        out.append("    <link>%s</link>" % x(link))
        if it["n"] % 4 == 0:
            it["id"] = "techpulse-%05d" % (10000 + it["n"])
            out.append('    <guid isPermaLink="false">%s</guid>' % it["id"])
        else:
            it["id"] = link
            out.append('    <guid isPermaLink="true">%s</guid>' % x(link))
        out.append("    <pubDate>%s</pubDate>" % rfc822(it))
        if it["author"]:
            out.append("    <dc:creator>%s</dc:creator>" % x(it["author"]))
        out.append("    <category>%s</category>" % x(r.choice(["Smart Home", "Apps", "Reviews", "News", "Reader Mail"])))
        if it.get("raw_html"):
            body = it["raw_html"]
        else:
            body = "<p>%s</p>" % html_para(lead, r, True)
            if quote:
                body += "<blockquote><p>%s</p></blockquote>" % html.escape(quote, quote=False)
            if r.random() < 0.4:
                body += '<p><a href="%s">Read more&#8230;</a></p>' % link
        if not cdata_done and it["polarity"] == "pos" and not it.get("raw_html"):
            out.append("    <description><![CDATA[%s]]></description>" % body.replace("]]>", "]]]]><![CDATA[>"))
            cdata_done = True
        else:
            out.append("    <description>%s</description>" % x(body))
        out.append("  </item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def write_community(g, items):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
           '  <id>tag:community.homebench.example,2026:feed/latest</id>',
           '  <title>HomeBench Community &#8211; latest posts</title>',
           '  <subtitle>Smart-home owners helping each other (English &amp; Bahasa Melayu boards)</subtitle>',
           '  <link rel="alternate" type="text/html" href="https://community.homebench.example/"/>',
           '  <link rel="self" type="application/atom+xml" href="https://community.homebench.example/latest.atom"/>',
           '  <updated>2026-11-20T15:59:00Z</updated>',
           '  <generator uri="https://community.homebench.example/">HomeBench</generator>']
    for it in sorted(items, key=lambda i: i["utc"], reverse=True):
        pid = 40000 + it["n"] * 7
        it["id"] = "tag:community.homebench.example,2026:post-%d" % pid
        board = "bm" if it["lang"] == "ms" else "general"
        link = "https://community.homebench.example/%s/t/%s/%d" % (board, slug(it["title"]), pid)
        it["link"] = link
        upd = it["utc"] + dt.timedelta(minutes=g.rng.choice([0, 0, 0, 3, 12, 47, 180]))
        if upd.date() != it["utc"].date() or (it["day"] == AS_OF and upd.hour >= 16):
            upd = it["utc"]
        body = it.get("raw_html") or "".join("<p>%s</p>" % html.escape(p, quote=False) for p in split_paras(it["body"], g))
        out.append("  <entry>")
        out.append("    <id>%s</id>" % it["id"])
        out.append('    <title type="text">%s</title>' % x(it["title"]))
        out.append('    <link rel="alternate" type="text/html" href="%s"/>' % xa(link))
        out.append("    <published>%s</published>" % rfc3339(it))
        out.append("    <updated>%s</updated>" % rfc3339(it, upd))
        out.append("    <author><name>%s</name></author>" % x(it["author"]))
        if it["lang"] == "ms":
            out.append('    <category term="bahasa-melayu" label="Bahasa Melayu"/>')
        out.append('    <content type="html">%s</content>' % x(body))
        out.append("  </entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


def split_paras(text, g):
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    if len(parts) > 2 and g.rng.random() < 0.5:
        return [" ".join(parts[:-1]), parts[-1]]
    return [text]


def write_forum_ms(g, items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
           '<channel>',
           '  <title>Forum Rumah Pintar MY &#8211; Topik Terkini</title>',
           '  <link>https://forum-rumahpintar.example/</link>',
           '  <description>Perbincangan rumah pintar, gajet &amp; aplikasi untuk pengguna Malaysia</description>',
           '  <language>ms-MY</language>',
           '  <lastBuildDate>Fri, 20 Nov 2026 23:40:00 +0800</lastBuildDate>']
    for it in sorted(items, key=lambda i: i["utc"], reverse=True):
        tid = 880000 + it["n"] * 3
        link = "https://forum-rumahpintar.example/t/%s.%d/" % (slug(it["title"]), tid)
        it["id"] = link
        it["link"] = link
        out.append("  <item>")
        out.append("    <title>%s</title>" % x(it["title"]))
        out.append("    <link>%s</link>" % x(link))
        out.append('    <guid isPermaLink="true">%s</guid>' % x(link))
        out.append("    <pubDate>%s</pubDate>" % rfc822(it))
        out.append("    <dc:creator>%s</dc:creator>" % x(it["author"]))
        out.append("    <description>%s</description>" % x(html.escape(it["body"], quote=False)))
        out.append("  </item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def write_weibo(g, items):
    feed = OrderedDict([
        ("version", "https://jsonfeed.org/version/1.1"),
        ("title", "微博 · 智能家居话题"),
        ("home_page_url", "https://weibo.example/topic/smarthome"),
        ("feed_url", "https://weibo.example/topic/smarthome/feed.json"),
        ("language", "zh-CN"),
        ("items", []),
    ])
    for it in sorted(items, key=lambda i: i["utc"], reverse=True):
        wid = str(5100000000000000 + it["n"] * 7919)
        it["id"] = wid
        uid = 6000000000 + (sum(map(ord, it["author"])) * 131) % 99999999
        it["link"] = "https://weibo.example/%d/%s" % (uid, wid)
        entry = OrderedDict([("id", wid), ("url", it["link"])])
        if it["title"]:
            entry["title"] = it["title"]
        text = it["body"]
        if g.rng.random() < 0.35:
            tag = {"Pinvale": "#品维#", "Lumio": "#露米欧#", "Tandem": "#Tandem#"}[it["brands"][0]] if it["brands"] else "#智能家居#"
            text = tag + text
        elif g.rng.random() < 0.2:
            text = text + " #智能家居#"
        entry["content_text"] = text
        entry["date_published"] = rfc3339(it)
        entry["authors"] = [OrderedDict([("name", it["author"])])]
        feed["items"].append(entry)
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def write_appstore(g, items):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns:im="http://itunes.apple.com/rss" xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
           '  <id>https://itunes.apple.example/my/rss/customerreviews/id=1573920466/sortby=mostrecent/xml</id>',
           '  <title>iTunes Store: Customer Reviews</title>',
           '  <updated>2026-11-20T07:59:59-08:00</updated>',
           '  <link rel="alternate" type="text/html" href="https://apps.apple.example/my/app/pinvale-smart-home/id1573920466"/>',
           '  <link rel="self" href="https://itunes.apple.example/my/rss/customerreviews/id=1573920466/sortby=mostrecent/xml"/>',
           '  <icon>https://itunes.apple.example/favicon.ico</icon>',
           '  <author><name>iTunes Store</name><uri>https://www.apple.example/my/itunes/</uri></author>',
           '  <rights>Copyright 2008 Apple Inc.</rights>']
    versions = [(dt.date(2026, 9, 1), "4.9.2"), (dt.date(2026, 9, 15), "4.10.0"), (dt.date(2026, 10, 2), "4.10.1"),
                (dt.date(2026, 10, 20), "4.11.0"), (dt.date(2026, 11, 9), "4.12.0")]
    for it in sorted(items, key=lambda i: i["utc"], reverse=True):
        rid = str(11000000000 + it["n"] * 104729)
        it["id"] = rid
        ver = [v for d, v in versions if d <= it["day"]][-1]
        out.append("  <entry>")
        out.append("    <updated>%s</updated>" % rfc3339(it))
        out.append("    <id>%s</id>" % rid)
        out.append("    <title>%s</title>" % x(it["title"]))
        out.append('    <content type="text">%s</content>' % x(it["body"]))
        out.append('    <im:contentType term="Application" label="Application"/>')
        out.append("    <im:voteSum>%d</im:voteSum>" % g.rng.randint(0, 12))
        out.append("    <im:voteCount>%d</im:voteCount>" % g.rng.randint(0, 15))
        out.append("    <im:rating>%d</im:rating>" % it["rating_raw"])
        out.append("    <im:version>%s</im:version>" % ver)
        out.append("    <author><name>%s</name><uri>https://itunes.apple.example/my/reviews/id%d</uri></author>"
                   % (x(it["author"]), 900000000 + it["n"] * 31))
        out.append('    <link rel="related" href="https://itunes.apple.example/my/review?id=1573920466&amp;type=Purple%20Software"/>')
        out.append("  </entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


def write_helpdesk(g, items):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["ticket_id", "created_at", "customer", "channel", "brand", "rating", "comment"])
    chan = ["email", "chat", "chat", "phone", "whatsapp", "facebook messenger", "web form"]
    for it in sorted(items, key=lambda i: i["utc"]):
        prefix = "PV" if it["brands"][0] == "Pinvale" else "LM"
        it["id"] = "%s-%06d" % (prefix, 310000 + it["n"] * 37)
        comment = it["body"]
        r = g.rng.random()
        if r < 0.15 and it["lang"] == "en":
            # a follow-up on a second line, as survey tools export it
            comment = comment + "\n" + g.rng.choice(["-- sent from my phone", "Ticket ref in my email.",
                                                     "(second survey I have filled in)", "PS: see previous ticket"])
        elif r < 0.32 and it["lang"] == "en":
            # the customer quotes their first sentence, as people do
            first, _, rest = comment.partition(". ")
            comment = ('"%s." %s' % (first.rstrip("."), rest)).strip()
        it["csv_comment"] = comment
        w.writerow([it["id"], it["utc"].strftime("%Y-%m-%d %H:%M:%S"), it["author"], g.rng.choice(chan),
                    it["brands"][0], it["rating_raw"], comment])
    return buf.getvalue()


def star_glyphs(n):
    return "★" * n + "☆" * (5 - n)


def write_pinvale_reviews(g, items):
    items = sorted(items, key=lambda i: (i["day"], i["utc"]), reverse=True)
    reviews = []
    for it in items:
        it["id"] = "https://reviewnest.example/pinvale#review-%d" % (7000 + it["n"])
        it["link"] = it["id"]
        reviews.append(OrderedDict([
            ("@type", "Review"), ("@id", it["id"]),
            ("author", OrderedDict([("@type", "Person"), ("name", it["author"])])),
            ("datePublished", it["day"].isoformat()),
            ("name", it["title"]),
            ("reviewBody", it["body"]),
            ("reviewRating", OrderedDict([("@type", "Rating"), ("ratingValue", it["rating_raw"]),
                                          ("bestRating", 5), ("worstRating", 1)])),
        ]))
    mean = sum(i["rating_raw"] for i in items) / len(items)
    data = OrderedDict([
        ("@context", "https://schema.org"), ("@type", "Product"), ("name", "Pinvale"),
        ("description", "Pinvale smart home app and hub"),
        ("brand", OrderedDict([("@type", "Brand"), ("name", "Pinvale")])),
        ("aggregateRating", OrderedDict([("@type", "AggregateRating"), ("ratingValue", round(mean, 1)),
                                         ("reviewCount", len(items)), ("bestRating", 5), ("worstRating", 1)])),
        ("review", reviews),
    ])
    blob = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    out = ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<title>Pinvale reviews &amp; ratings | ReviewNest</title>',
           '<link rel="canonical" href="https://reviewnest.example/pinvale">',
           '<script type="application/ld+json">', blob, '</script>',
           '<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:auto}'
           '.stars{color:#e8a317}.review{border-bottom:1px solid #ddd;padding:1rem 0}</style>',
           '</head>', '<body>', '<header>', '<h1>Pinvale</h1>',
           '<p class="summary">Rated <strong>%.1f</strong> out of 5 &middot; based on %d reviews</p>' % (mean, len(items)),
           '<nav><a href="/">ReviewNest</a> &rsaquo; <a href="/category/smart-home">Smart home</a> &rsaquo; Pinvale</nav>',
           '</header>', '<main>']
    for it in items:
        d = it["day"]
        out.append('<article class="review" id="review-%d">' % (7000 + it["n"]))
        out.append('  <h2>%s</h2>' % html.escape(it["title"]))
        out.append('  <p class="meta"><span class="stars" title="%d out of 5">%s</span> by <span class="author">%s</span> &middot; '
                   '<time datetime="%s">%d %s %d</time></p>' % (it["rating_raw"], star_glyphs(it["rating_raw"]),
                                                                 html.escape(it["author"]), d.isoformat(), d.day,
                                                                 MON_ABBR[d.month - 1], d.year))
        out.append('  <p>%s</p>' % html.escape(it["body"]))
        out.append('</article>')
    out += ['</main>', '<footer><p>&copy; 2026 ReviewNest. Reviews are the opinions of their authors.</p></footer>',
            '<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"page": "product-reviews"});</script>',
            '</body>', '</html>', '']
    return "\n".join(out)


def write_lumio_reviews(g, items):
    items = sorted(items, key=lambda i: (i["day"], i["utc"]), reverse=True)
    mean10 = sum(i["rating_raw"] for i in items) / len(items)
    out = ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
           '<title>Lumio Home &#8211; owner reviews | HomeGearScore</title>',
           '<style>.score{font-weight:bold}.review{margin:1.5em 0}</style>', '</head>', '<body>',
           '<div itemscope itemtype="https://schema.org/Product">',
           '  <h1 itemprop="name">Lumio</h1>',
           '  <p itemprop="description">Lumio Home smart lighting, hub and app.</p>',
           '  <div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating">',
           '    Owners rate it <span itemprop="ratingValue">%.1f</span>/<span itemprop="bestRating">10</span>'
           ' from <span itemprop="reviewCount">%d</span> reviews' % (mean10, len(items)),
           '  </div>']
    for it in items:
        it["id"] = "https://homegearscore.example/lumio/reviews/%d" % (52000 + it["n"])
        it["link"] = it["id"]
        d = it["day"]
        out += [
            '  <div class="review" itemprop="review" itemscope itemtype="https://schema.org/Review" itemid="%s">' % it["id"],
            '    <h3 itemprop="name">%s</h3>' % html.escape(it["title"]),
            '    <p>by <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">%s</span></span>,'
            ' <time itemprop="datePublished" datetime="%s">%s %d, %d</time></p>' % (html.escape(it["author"]), d.isoformat(),
                                                                                    MON_ABBR[d.month - 1], d.day, d.year),
            '    <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">',
            '      <meta itemprop="worstRating" content="1">',
            '      Score: <span class="score" itemprop="ratingValue">%d</span> / <span itemprop="bestRating">10</span>' % it["rating_raw"],
            '    </div>',
            '    <p itemprop="reviewBody">%s</p>' % html.escape(it["body"]),
            '  </div>']
    out += ['</div>', '<footer>HomeGearScore &copy; 2026</footer>', '</body>', '</html>', '']
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------

def build():
    g = Gen()
    slots = plan_slots(g)
    items = []
    for s in slots:
        s["lang"] = weighted(g.rng, LANG_OF[s["source"]])
        items.append(s)
    # exclusion items
    for (src, brand, pol, title, body), day in zip(EXCLUSIONS, EXCLUSION_DAYS):
        if brand:
            # reuse one planned social positive of that brand and day, so daily counts stay as planned
            for shift in (0, 1, -1, 2, -2, 3, -3, 4, -4):
                d = day + dt.timedelta(days=shift)
                cand = [i for i in items if i["brands"] == [brand] and i["day"] == d and i["polarity"] == "pos"
                        and i["source"] in SOCIAL and not i.get("exclusion")]
                if cand:
                    break
            it = cand[0]
            it["source"], it["lang"] = src, "en"
        else:
            it = {"brands": [], "day": day, "polarity": pol, "source": src, "spike": False, "lang": "en"}
            items.append(it)
        it["exclusion"] = True
        it["fixed_title"] = title
        it["raw_html"] = body
    items.sort(key=lambda i: (i["day"], SOURCES.index(i["source"]), BRANDS.index(i["brands"][0]) if i["brands"] else 9,
                              i["polarity"]))
    for n, it in enumerate(items):
        it["n"] = n
        assign_time(g, it)
        it["author"] = author_for(g, it)
    assign_ratings(g, items)
    for it in items:
        if it.get("exclusion"):
            ctx = {"day": it["day"]}
            it["raw_html"] = g.fill(it["raw_html"], "en", ctx)
            it["title"] = it["fixed_title"]
            it["body"] = re.sub(r"<[^>]+>", "", it["raw_html"])
            if it["source"] == "techpulse":
                it["news"] = (it["title"], None, None)
            continue
        if it["source"] == "techpulse":
            it["news"] = news_text(g, it)
            it["title"] = it["news"][0]
            it["body"] = it["news"][1] + " " + (it["news"][2] or "")
        else:
            title, body = compose(g, it)
            if it["source"] == "helpdesk":
                title = None
            if it["source"] in ("community", "forum-ms", "pinvale-appstore", "pinvale-reviews", "lumio-reviews") and not title:
                title = single_title(g, it["lang"], it["polarity"], it["brands"][0], it.get("spike"), {"day": it["day"], "brand": it["brands"][0]})
            if it["lang"] == "zh":
                title, body = (pangu(title) if title else title), pangu(body)
            it["title"], it["body"] = title, body
    uniquify_titles(g, items)
    files = {}
    for src in SOURCES:
        mine = [i for i in items if i["source"] == src]
        writer = {"techpulse": write_techpulse, "community": write_community, "pinvale-reviews": write_pinvale_reviews,
                  "helpdesk": write_helpdesk, "pinvale-appstore": write_appstore, "weibo": write_weibo,
                  "forum-ms": write_forum_ms, "lumio-reviews": write_lumio_reviews}[src]
        files[SOURCE_FILES[src]] = writer(g, mine)
    return items, files, g


def uniquify_titles(g, items):
    """Review pages and app-store entries without an id fall back to title and date: keep titles unique."""
    for src in SOURCES:
        seen = Counter()
        for it in items:
            if it["source"] != src or not it.get("title"):
                continue
            t = it["title"]
            seen[(t, it["day"])] += 1
            if seen[(t, it["day"])] > 1:
                suffix = {"en": [" (again)", " - update", " - still", ", seriously", " :(", "!!"],
                          "zh": ["（续）", "！", "。。。", "（更新）"],
                          "ms": [" (update)", "!!", " lagi", " - sambungan"]}[it["lang"]]
                k = seen[(t, it["day"])]
                extra = suffix[(k - 2) % len(suffix)] + ("" if k - 2 < len(suffix) else " %d" % k)
                if it["polarity"] == "pos" and extra.strip() in (":(",):
                    extra = "!"
                it["title"] = t + extra


# ---------------------------------------------------------------------------------------------
# Expected figures and verification
# ---------------------------------------------------------------------------------------------

def expected(items):
    exp = OrderedDict()
    exp["asOf"] = AS_OF.isoformat()
    exp["firstDay"] = FIRST_DAY.isoformat()
    exp["generator"] = "feeds/make_demo.py (seed %d)" % SEED
    exp["notes"] = [
        "Mentions are per (item, brand): an item naming two brands counts once for each.",
        "Days are UTC calendar days of the item's published date (updated when there is no published).",
        "negativeByDay/positiveByDay/neutralByDay are the polarity each item was written with.",
        "Trust score: (7*3.5 + sum(w*stars)) / (7 + sum(w)), w = 0.5 ** (age_days / 182.6), age_days = asOf - review day.",
        "lumio-reviews rates on 1-10 (bestRating 10): stars = ratingValue * 5 / 10; trustScoreIfLinearScale maps 1..10 onto 1..5 instead.",
    ]
    exp["itemsBySource"] = OrderedDict((s, sum(1 for i in items if i["source"] == s)) for s in SOURCES)
    exp["totalItems"] = len(items)
    langs = Counter(i["lang"] for i in items)
    exp["itemsByLanguage"] = OrderedDict((l, langs[l]) for l in ("en", "zh", "ms"))
    exp["itemsWithoutBrand"] = sum(1 for i in items if not i["brands"])
    exp["itemsWithTwoBrands"] = sum(1 for i in items if len(i["brands"]) > 1)
    exp["itemsWhoseLocalDateIsNotTheirUTCDay"] = sum(
        1 for i in items if i["source"] not in ("pinvale-reviews", "lumio-reviews", "helpdesk")
        and (i["utc"] + dt.timedelta(minutes=i["offset"])).date() != i["day"])
    brands = OrderedDict()
    for b in BRANDS:
        mine = [i for i in items if b in i["brands"]]
        e = OrderedDict()
        e["mentions"] = len(mine)
        e["bySource"] = OrderedDict((s, sum(1 for i in mine if i["source"] == s)) for s in SOURCES)
        e["byLanguage"] = OrderedDict((l, sum(1 for i in mine if i["lang"] == l)) for l in ("en", "zh", "ms"))
        for key, pol in (("byDay", None), ("negativeByDay", "neg"), ("positiveByDay", "pos"), ("neutralByDay", "neu")):
            e[key] = OrderedDict((d.isoformat(), sum(1 for i in mine if i["day"] == d and (pol is None or i["polarity"] == pol)))
                                 for d in DAYS)
        e["negative"] = sum(1 for i in mine if i["polarity"] == "neg")
        e["positive"] = sum(1 for i in mine if i["polarity"] == "pos")
        e["neutral"] = sum(1 for i in mine if i["polarity"] == "neu")
        rated = [i for i in mine if "rating_raw" in i]
        e["ratedReviews"] = len(rated)
        e["ratedReviewsBySource"] = OrderedDict((s, sum(1 for i in rated if i["source"] == s)) for s in SOURCES
                                                if any(i["source"] == s for i in rated))
        hist = [0] * 5
        for i in rated:
            hist[min(5, max(1, int(stars_of(i) + 0.5))) - 1] += 1
        e["ratingHistogram"] = hist
        if rated:
            t = trust([(i["day"], stars_of(i)) for i in rated])
            e["trustScore"] = OrderedDict([("value", round(t, 6)), ("rounded", round(t, 1)),
                                           ("stars", round(t * 2) / 2), ("ratedReviews", len(rated))])
            if b == "Lumio":
                lin = trust([(i["day"], 1 + (i["rating_raw"] - 1) * 4 / 9 if i["source"] == "lumio-reviews"
                              else float(i["rating_raw"])) for i in rated])
                e["trustScoreIfLinearScale"] = round(lin, 6)
        else:
            e["trustScore"] = None
        def window(days):
            m = sum(1 for i in mine if i["day"] in days)
            k = sum(1 for i in mine if i["day"] in days and i["polarity"] == "neg")
            return OrderedDict([("from", days[0].isoformat()), ("to", days[-1].isoformat()), ("mentions", m),
                                ("negative", k), ("negativeShare", round(k / m, 4) if m else None)])
        e["last3Days"] = window(SPIKE_DAYS)
        e["previous28Days"] = window(BASELINE_DAYS)
        e["before"] = window(DAYS[:-31])
        brands[b] = e
    exp["brands"] = brands
    exp["spike"] = OrderedDict([("brand", "Pinvale"), ("days", [d.isoformat() for d in SPIKE_DAYS]),
                                ("story", "a refund batch fails on 2026-11-18 and support goes unreachable"),
                                ("alertDaysWithDefaultPolicy", spike_days(brands))])
    exp["spike"]["note"] = ("alertDaysWithDefaultPolicy applies the default SpikePolicy (3-day window or today alone "
                            "against the 28 days before, Beta(2,8) prior, one-sided binomial p < 0.001, at least 3 "
                            "negatives, share at least 0.20 above baseline, 14 days of history) to the intended "
                            "polarities, for every as-of day; other brands must have none")
    exp["tandemExclusions"] = [OrderedDict([("source", i["source"]), ("id", i["id"]), ("title", i["title"]),
                                            ("countsFor", i["brands"])]) for i in items if i.get("exclusion")]
    return exp


def spike_days(brands):
    """As-of days on which the default spike rule fires, per brand, on intended polarities."""
    from math import comb

    def tail(n, k, p):
        return sum(comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k, n + 1))

    out = OrderedDict()
    for b, e in brands.items():
        m = [e["byDay"][d.isoformat()] for d in DAYS]
        k = [e["negativeByDay"][d.isoformat()] for d in DAYS]
        fired = []
        for i in range(14 + 2, len(DAYS)):
            base = range(max(0, i - 2 - 28), i - 2)
            bm, bk = sum(m[j] for j in base), sum(k[j] for j in base)
            if bm < 10:
                continue
            p0 = (bk + 2) / (bm + 10)
            for w in (range(i - 2, i + 1), range(i, i + 1)):
                n, neg = sum(m[j] for j in w), sum(k[j] for j in w)
                if n and neg >= 3 and neg / n >= p0 + 0.20 and tail(n, neg, p0) < 0.001:
                    fired.append(DAYS[i].isoformat())
                    break
        out[b] = fired
    return out


def match_brands(text):
    found = []
    for b in CONFIG_BRANDS:
        t = text
        for ex in b["exclude"]:
            t = re.sub(re.escape(ex), " ", t, flags=re.IGNORECASE)
        hit = False
        for name in [b["name"]] + b["aliases"]:
            if re.search(r"[\u4e00-\u9fff]", name):
                hit = hit or name in t
            else:
                hit = hit or re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", t, flags=re.IGNORECASE) is not None
        if hit:
            found.append(b["name"])
    return found


class TextOf(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in ("p", "br", "blockquote", "div"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def plain(fragment):
    p = TextOf()
    p.feed(fragment)
    p.close()
    return re.sub(r"\s+", " ", "".join(p.parts)).strip()


class Microdata(HTMLParser):
    """Just enough microdata to read the Lumio page's reviews back."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []        # (tag, scope or None, prop, text list)
        self.reviews = []
        self.scopes = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        scope = None
        if "itemscope" in a:
            scope = {"type": a.get("itemtype"), "props": {}, "itemid": a.get("itemid")}
        prop = a.get("itemprop")
        if tag == "meta" and prop and self.scopes:
            self.scopes[-1]["props"][prop] = a.get("content")
            return
        if tag == "time" and prop and self.scopes:
            self.scopes[-1]["props"][prop] = a.get("datetime")
            prop = None
        self.stack.append([tag, scope, prop, []])
        if scope is not None:
            self.scopes.append(scope)

    def handle_endtag(self, tag):
        while self.stack:
            t, scope, prop, text = self.stack.pop()
            value = "".join(text).strip()
            for entry in self.stack:
                entry[3].append("".join(text))
            if scope is not None:
                self.scopes.pop()
                if scope["type"] == "https://schema.org/Review":
                    self.reviews.append(scope)
                value = scope
            if prop and self.scopes:
                self.scopes[-1]["props"][prop] = value
            if t == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][3].append(data)


def parse_back(files):
    """Read every written file with the standard library, the way earshot should, into
    (source, id, day, text, rating in stars)."""
    rows = []

    def day_of(s):
        from email.utils import parsedate_to_datetime
        d = parsedate_to_datetime(s)
        return d.astimezone(dt.timezone.utc).date()

    def iso_day(s):
        d = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        return d.astimezone(dt.timezone.utc).date()

    for src in ("techpulse", "forum-ms"):
        root = ET.fromstring(files[SOURCE_FILES[src]].encode("utf-8"))
        for item in root.iter("item"):
            text = item.findtext("title") + "\n" + plain(item.findtext("description"))
            rows.append((src, item.findtext("guid"), day_of(item.findtext("pubDate")), text, None))
    A = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(files["community.atom"].encode("utf-8"))
    for e in root.iter(A + "entry"):
        text = e.findtext(A + "title") + "\n" + plain(e.findtext(A + "content"))
        rows.append(("community", e.findtext(A + "id"), iso_day(e.findtext(A + "published")), text, None))
    root = ET.fromstring(files["pinvale-appstore.xml"].encode("utf-8"))
    for e in root.iter(A + "entry"):
        text = e.findtext(A + "title") + "\n" + e.findtext(A + "content")
        rating = float(e.findtext("{http://itunes.apple.com/rss}rating"))
        rows.append(("pinvale-appstore", e.findtext(A + "id"), iso_day(e.findtext(A + "updated")), text, rating))
    feed = json.loads(files["weibo-zh.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    for e in feed["items"]:
        text = ((e.get("title") or "") + "\n" + e["content_text"]).strip()
        rows.append(("weibo", e["id"], iso_day(e["date_published"]), text, None))
    reader = csv.DictReader(io.StringIO(files["helpdesk-export.csv"], newline=""))
    assert reader.fieldnames == ["ticket_id", "created_at", "customer", "channel", "brand", "rating", "comment"]
    for row in reader:
        d = dt.datetime.strptime(row["created_at"], "%Y-%m-%d %H:%M:%S").date()
        rows.append(("helpdesk", row["ticket_id"], d, row["comment"], float(row["rating"])))
    page = files["pinvale-reviews.html"]
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(m.group(1))
    for rv in data["review"]:
        rows.append(("pinvale-reviews", rv["@id"], dt.date.fromisoformat(rv["datePublished"]),
                     rv["name"] + "\n" + rv["reviewBody"], float(rv["reviewRating"]["ratingValue"])))
    md = Microdata()
    md.feed(files["lumio-reviews.html"])
    for rv in md.reviews:
        p = rv["props"]
        rating = float(p["reviewRating"]["props"]["ratingValue"]) * 5 / float(p["reviewRating"]["props"]["bestRating"])
        rows.append(("lumio-reviews", rv["itemid"], dt.date.fromisoformat(p["datePublished"]),
                     p["name"] + "\n" + p["reviewBody"], rating))
    return rows


def verify(items, files, exp):
    problems = []
    rows = parse_back(files)
    if len(rows) != len(items):
        problems.append("read back %d items, generated %d" % (len(rows), len(items)))
    by_id = {(i["source"], i["id"]): i for i in items}
    if len(by_id) != len(items):
        problems.append("duplicate item ids")
    counted = Counter()
    day_count = Counter()
    for src, iid, day, text, rating in rows:
        it = by_id.get((src, iid))
        if it is None:
            problems.append("unknown item %s %s" % (src, iid))
            continue
        if day != it["day"]:
            problems.append("%s %s: day %s read back as %s" % (src, iid, it["day"], day))
        brands = match_brands(text)
        if src in BRAND_SOURCES and BRAND_SOURCES[src] not in brands:
            brands = sorted(brands + [BRAND_SOURCES[src]], key=BRANDS.index)
        if brands != it["brands"]:
            problems.append("%s %s: text names %s, meant %s: %s" % (src, iid, brands, it["brands"], text[:90]))
        for b in brands:
            counted[b] += 1
            day_count[(b, day)] += 1
        if (rating is None) != ("rating_raw" not in it):
            problems.append("%s %s: rating presence differs" % (src, iid))
        elif rating is not None and abs(rating - stars_of(it)) > 1e-9:
            problems.append("%s %s: rating %s read back as %s" % (src, iid, stars_of(it), rating))
        if it.get("exclusion") and "Tandem" in brands:
            problems.append("exclusion item counted as Tandem: %s" % iid)
    for b in BRANDS:
        if counted[b] != exp["brands"][b]["mentions"]:
            problems.append("%s: read back %d mentions, expected %d" % (b, counted[b], exp["brands"][b]["mentions"]))
        for d in DAYS:
            if day_count[(b, d)] != exp["brands"][b]["byDay"][d.isoformat()]:
                problems.append("%s %s: per-day count differs" % (b, d))
    # stated requirements
    pv = exp["brands"]["Pinvale"]
    t = pv["trustScore"]["value"]
    if not 1.35 <= t <= 1.45:
        problems.append("Pinvale trust %.3f out of range" % t)
    lt = exp["brands"]["Lumio"]["trustScore"]["value"]
    if not 4.2 <= lt <= 4.6 or not 4.2 <= exp["brands"]["Lumio"]["trustScoreIfLinearScale"] <= 4.6:
        problems.append("Lumio trust %.3f out of range" % lt)
    for d in SPIKE_DAYS:
        n, k = pv["byDay"][d.isoformat()], pv["negativeByDay"][d.isoformat()]
        if not (8 <= n <= 12 and k >= 0.8 * n):
            problems.append("spike day %s: %d mentions, %d negative" % (d, n, k))
    for d in DAYS[:-3]:
        n = pv["byDay"][d.isoformat()]
        if not 3 <= n <= 5:
            problems.append("Pinvale %s: %d mentions" % (d, n))
    share = pv["previous28Days"]["negativeShare"]
    if not 0.30 <= share <= 0.40:
        problems.append("Pinvale baseline negative share %.2f" % share)
    for b in ("Lumio", "Tandem"):
        e = exp["brands"][b]
        for w in ("last3Days", "previous28Days", "before"):
            if e[w]["negativeShare"] > 0.35:
                problems.append("%s %s negative share %.2f" % (b, w, e[w]["negativeShare"]))
        quiet = [d for d in DAYS if e["byDay"][d.isoformat()] == 0]
        if len(quiet) > 4:
            problems.append("%s silent on %d days" % (b, len(quiet)))
    fired = exp["spike"]["alertDaysWithDefaultPolicy"]
    if fired["Pinvale"] != [d.isoformat() for d in SPIKE_DAYS] or fired["Lumio"] or fired["Tandem"]:
        problems.append("spike rule fires on %s" % dict(fired))
    total = exp["totalItems"]
    if not 500 <= total <= 900:
        problems.append("total items %d" % total)
    for l in ("zh", "ms"):
        if exp["itemsByLanguage"][l] < 0.14 * total:
            problems.append("too few %s items" % l)
    # every file is well-formed
    for name in ("techpulse.rss", "community.atom", "pinvale-appstore.xml", "forum-ms.rss"):
        try:
            ET.fromstring(files[name].encode("utf-8"))
        except ET.ParseError as e:
            problems.append("%s: %s" % (name, e))
    # no unconfigured spellings of the brands
    allt = "\n".join(v for k, v in files.items() if k != "EXPECTED.json")
    for bad in re.findall(r"\b(?:pin[ -]?vale|lumi[o0]s?|tandems?)\w*", allt, flags=re.IGNORECASE):
        if bad.lower() not in ("pinvale", "lumio", "tandem"):
            problems.append("unconfigured spelling %r" % bad)
    return problems, rows


def vader_check(items):
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        print("vaderSentiment is not installed; skipping the English sentiment check")
        return []
    sia = SentimentIntensityAnalyzer()
    bad = []
    for it in items:
        if it["lang"] != "en" or not it["brands"]:
            continue
        text = "\n".join(p for p in (it.get("title"), it.get("scored_body")) if p)
        c = sia.polarity_scores(text)["compound"]
        ok = {"pos": c >= 0.25, "neg": c <= -0.25, "neu": -0.05 < c < 0.05}[it["polarity"]]
        if not ok:
            bad.append((it["polarity"], c, it["source"], text.replace("\n", " | ")))
    return bad


ZH_POS = ["好用", "喜欢", "满意", "推荐", "太棒", "赞", "划算", "方便", "稳定", "贴心", "漂亮", "满分", "流畅", "真香",
          "爱了", "好评", "值得", "开心", "很好", "不错", "精致", "舒服", "温柔", "顺滑", "顺利", "简单", "聪明", "实用",
          "很棒", "顺畅", "好看", "性价比很高"]
ZH_NEG = ["失望", "垃圾", "气死", "无语", "太差", "差评", "糟心", "坑", "心累", "投诉", "不满意", "烂", "极差", "烦",
          "寒心", "离谱", "后悔", "受够", "糟糕", "生气", "差劲", "郁闷", "崩", "闪退", "不爽", "瘫痪", "失败", "折腾",
          "挂断", "没人理", "失联", "不回复", "已读不回", "没有任何回复", "吵", "慢", "断线", "遗憾", "没影", "太贵",
          "气人", "窝火", "敷衍", "坑人", "恶心", "心累", "无语"]
MS_POS = ["best", "mantap", "suka", "puas hati", "terbaik", "bagus", "berbaloi", "senang", "syok", "padu", "power",
          "recommended", "cantik", "laju", "stabil", "elok", "jimat", "lembut"]
MS_NEG = ["teruk", "kecewa", "menyampah", "geram", "hampeh", "lembap", "sakit hati", "tak guna", "buang masa", "marah",
          "hampa", "serik", "bengang", "sedih", "mengecewakan", "tertipu", "gagal", "rosak", "error", "crash",
          "putus", "mahal", "x balas", "tak dapat", "senyap", "lambat", "tak puas hati", "dono", "terputus"]


def lexicon_check(items):
    """A rough look at the Chinese and Malay texts: negative ones carry more negative words than
    positive ones, and so on. The real scorer's lexicons live in lexicons/."""
    bad = []
    for it in items:
        if it["lang"] == "en" or not it["brands"]:
            continue
        text = ((it.get("title") or "") + " " + it["body"]).lower()
        pw, nw = (ZH_POS, ZH_NEG) if it["lang"] == "zh" else (MS_POS, MS_NEG)
        p = sum(text.count(w) for w in pw)
        n = sum(text.count(w) for w in nw)
        ok = {"pos": p > n, "neg": n > p, "neu": True}[it["polarity"]]
        if not ok:
            bad.append((it["polarity"], p, n, it["source"], text))
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="also score English texts with vaderSentiment")
    ap.add_argument("--out", default=OUT, help="folder to write into (default: this script's folder)")
    args = ap.parse_args()

    items, files, g = build()
    # the scored text of an item is its title and plain body, as the parsers produce it
    for it in items:
        it["scored_body"] = plain(it["raw_html"]) if it.get("raw_html") else it["body"]
    exp = expected(items)
    files["EXPECTED.json"] = json.dumps(exp, ensure_ascii=False, indent=2) + "\n"
    problems, _ = verify(items, files, exp)
    for name, content in files.items():
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="") as f:
            f.write(content)

    print("items by source:", ", ".join("%s %d" % kv for kv in exp["itemsBySource"].items()), "| total", exp["totalItems"])
    print("items by language:", dict(exp["itemsByLanguage"]), "| no brand:", exp["itemsWithoutBrand"],
          "| two brands:", exp["itemsWithTwoBrands"])
    for b, e in exp["brands"].items():
        ts = e["trustScore"]
        print("%-8s mentions %4d (neg %3d, pos %3d, neu %3d)  rated %3d  trust %s" % (
            b, e["mentions"], e["negative"], e["positive"], e["neutral"], e["ratedReviews"],
            "%.4f -> %.1f" % (ts["value"], ts["rounded"]) if ts else "none"))
        print("         last 3 days %(mentions)d/%(negative)d neg (%(negativeShare).2f); " % e["last3Days"]
              + "previous 28 days %(mentions)d/%(negative)d neg (%(negativeShare).2f); " % e["previous28Days"]
              + "before %(mentions)d/%(negative)d neg (%(negativeShare).2f)" % e["before"])
    pv = exp["brands"]["Pinvale"]
    print("Pinvale, last 31 days (mentions/negative):")
    print("  " + "  ".join("%s %d/%d" % (d.isoformat()[5:], pv["byDay"][d.isoformat()], pv["negativeByDay"][d.isoformat()])
                           for d in DAYS[-31:]))
    reps = Counter({s: c for s, c in g.used.items()})
    print("most reused sentence: %d times" % (reps.most_common(1)[0][1] if reps else 0))
    if args.check:
        bad = vader_check(items)
        print("VADER: %d English items score weaker than +-0.25 for their polarity (neutral: not within +-0.05)" % len(bad))
        for b in bad[:40]:
            print("  %s %+.3f [%s] %s" % b)
        bad = lexicon_check(items)
        print("word-list check: %d Chinese/Malay items look off" % len(bad))
        for b in bad[:40]:
            print("  %s +%d -%d [%s] %s" % b)
    if problems:
        print("PROBLEMS:")
        for p in problems[:60]:
            print("  " + p)
        sys.exit(1)
    print("verified: files parse, read-back mentions and ratings match EXPECTED.json, targets met")


if __name__ == "__main__":
    main()
