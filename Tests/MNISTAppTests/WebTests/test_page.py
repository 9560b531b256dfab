#!/usr/bin/env python3
"""End-to-end test of the digit recognizer's web page, in headless Chromium driven by Selenium.

Draws digits with real pointer moves (mouse, pen, finger), waits for the page's prediction and checks it
against a direct POST /predict of the same canvas PNG; checks Clear, the keyboard shortcuts wherever focus
is, a correction sent once, a four-digit number, the status messages for server errors, a phone's window
with the reading in view while drawing, the "Seeing inside" panel, and the HTTP cache validators.
With --static-site FOLDER (what `MNISTExample export-web FOLDER` wrote), it also serves that folder
with `python3 -m http.server` and checks the page without a server reads the same number, and what
the page says when opened as a file.

    bash install_browser.sh
    python3 test_page.py [BASE_URL] [--static-site FOLDER] [--screenshots DIR]

BASE_URL defaults to $NUMSIGHT_URL, then http://127.0.0.1:5000. Exits non-zero on any failure.
"""
import argparse
import json
import math
import os
import shutil
import socket
import subprocess
import sys
import time
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 15
CANVAS_SIZE = 280

# Strokes in canvas pixels (0–280): a slightly slanted "1", a closed "0", a horizontal bar.
ONE = [(146 - i * 0.6, 45 + i * 10) for i in range(20)]
ZERO = [(140 + 60 * math.sin(t * math.pi / 18), 140 - 85 * math.cos(t * math.pi / 18)) for t in range(38)]
BAR = [(60 + i * 16, 140) for i in range(11)]


def along(corners, step=6):
    """Points every `step` pixels along the polyline through `corners`: the pen passes close to each corner."""
    points = [corners[0]]
    for (x0, y0), (x1, y1) in zip(corners, corners[1:]):
        count = max(1, round(math.hypot(x1 - x0, y1 - y0) / step))
        points += [(x0 + (x1 - x0) * k / count, y0 + (y1 - y0) * k / count) for k in range(1, count + 1)]
    return points


# Digits as strokes in a 50 × 100 box (the shapes DigitSegmenterParityTests draws), for numbers.
DIGIT_STROKES = {
    "0": [[(25 + 22 * math.sin(t * math.pi / 8), 50 - 48 * math.cos(t * math.pi / 8)) for t in range(17)]],
    "2": [[(5, 20), (25, 0), (45, 20), (5, 100), (50, 100)]],
    "6": [[(40, 0), (10, 50), (8, 85), (25, 100), (45, 85), (40, 60), (10, 65)]],
}


def number_strokes(number):
    """The strokes of `number` on the 280-pixel canvas, digits 36 × 90 in 68-pixel slots: apart by the 20-pixel pen."""
    return [along([(12 + 68 * position + 0.72 * x, 95 + 0.9 * y) for x, y in stroke])
            for position, digit in enumerate(number) for stroke in DIGIT_STROKES[digit]]


class PageTestFailure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise PageTestFailure(message)


def wait_until(driver, condition, description):
    try:
        return WebDriverWait(driver, WAIT_SECONDS).until(lambda _: condition())
    except TimeoutException:
        raise PageTestFailure(f"timed out after {WAIT_SECONDS} s waiting for {description}") from None


def post_json(url, body):
    """POSTs `body` as JSON and returns (status, parsed answer)."""
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=WAIT_SECONDS) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def start_browser():
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_path = shutil.which("chromedriver")
    check(browser and driver_path, "chromium and chromedriver not found: run install_browser.sh first")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    driver.set_script_timeout(WAIT_SECONDS)
    return driver


class RecognizerPage:
    """The page under test, with the few operations the checks need."""

    def __init__(self, driver, base_url):
        self.driver = driver
        self.base_url = base_url

    def open(self):
        self.driver.get(self.base_url + "/")
        self.canvas = wait_until(self.driver, lambda: self.driver.find_element(By.ID, "drawing-canvas"), "the canvas")
        wait_until(self.driver, lambda: len(self.driver.find_elements(By.CSS_SELECTOR, "[role=progressbar]")) == 10,
                   "the ten probability bars (app.js loaded)")
        # Count the page's /predict and /feedback requests, to check when it sends one and when it must not.
        self.driver.execute_script("""
            window.predictRequests = 0;
            window.feedbackRequests = 0;
            const fetchFromNetwork = window.fetch;
            window.fetch = (resource, options) => {
                if (String(resource).includes('/predict')) window.predictRequests += 1;
                if (String(resource).includes('/feedback')) window.feedbackRequests += 1;
                return (window.fetchStub ?? fetchFromNetwork)(resource, options);
            };""")

    def script(self, source, *arguments):
        return self.driver.execute_script(source, *arguments)

    @property
    def predict_requests(self):
        return self.script("return window.predictRequests;")

    def draw(self, points, pause_after=None, release=True, pointer=interaction.POINTER_MOUSE):
        """Draws through `points` (canvas pixels) with a mouse, a finger (`POINTER_TOUCH`) or a pen (`POINTER_PEN`).

        `pause_after` holds still after that many points; `release=False` keeps the pointer down.
        """
        width, height = self.script("const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];",
                                    self.canvas)
        offsets = [(round(x * width / CANVAS_SIZE - width / 2), round(y * height / CANVAS_SIZE - height / 2))
                   for x, y in points]
        actions = ActionChains(self.driver, duration=15, devices=[PointerInput(pointer, pointer)])
        actions.move_to_element_with_offset(self.canvas, *offsets[0]).click_and_hold()
        for index, (previous, current) in enumerate(zip(offsets, offsets[1:]), start=1):
            if index == pause_after:
                actions.pause(0.8)
            actions.move_by_offset(current[0] - previous[0], current[1] - previous[1])
        if release:
            actions.release()
        actions.perform()

    def release(self):
        ActionChains(self.driver).release().perform()

    def wait_for_prediction(self, requests_before):
        """Waits until the page has sent a request after `requests_before` and shown its answer."""
        wait_until(self.driver, lambda: self.predict_requests > requests_before
                   and self.script("return document.getElementById('result').getAttribute('aria-busy');") == "false",
                   "the prediction")
        return self.shown_result()

    def shown_result(self):
        return self.script("""
            const bars = [...document.querySelectorAll('[role=progressbar]')];
            const picked = document.querySelector('.reading-digit[aria-pressed=true] .reading-value');
            return {
                digit: picked ? picked.textContent.trim() : '–',
                number: document.getElementById('result').dataset.number ?? null,
                tiles: [...document.querySelectorAll('.reading-digit')].map((tile) => ({
                    digit: tile.querySelector('.reading-value').textContent,
                    confidence: tile.querySelector('.reading-confidence').textContent})),
                boxes: document.querySelectorAll('#digit-boxes rect').length,
                confidence: document.getElementById('confidence').textContent.trim(),
                bars: bars.map((bar) => ({digit: bar.dataset.digit, value: Number(bar.getAttribute('aria-valuenow')),
                                          label: bar.getAttribute('aria-label')})),
                status: document.getElementById('status').textContent.trim(),
                tone: document.getElementById('status').dataset.tone,
            };""")

    def canvas_png(self):
        return self.script("return arguments[0].toDataURL('image/png');", self.canvas)

    def darkness_at(self, x, y):
        """Ink at canvas pixel (x, y): 0 on white paper, 1 on black ink."""
        return self.script("""
            const [r] = arguments[0].getContext('2d').getImageData(arguments[1], arguments[2], 1, 1).data;
            return 1 - r / 255;""", self.canvas, round(x), round(y))

    def press(self, key):
        self.script("document.activeElement?.blur();")
        ActionChains(self.driver).send_keys(key).perform()

    def press_where_focus_is(self, key):
        ActionChains(self.driver).send_keys(key).perform()

    def click(self, element):
        """A real mouse click (the page sees `detail` 1, as from a person), not `element.click()`."""
        ActionChains(self.driver).move_to_element(element).click().perform()

    def draw_number(self, number, pointer=interaction.POINTER_MOUSE):
        for stroke in number_strokes(number):
            self.draw(stroke, pointer=pointer)

    def feedback_state(self):
        return self.script("return document.getElementById('feedback').dataset.state;")


def check_against_server(page, shown, expected_digit):
    """The page shows what the server says about the same PNG, and the server reads `expected_digit`."""
    status, answer = post_json(page.base_url + "/predict", {"image": page.canvas_png()})
    check(status == 200, f"direct POST /predict answered {status}: {answer}")
    check(shown["digit"] == str(answer["digit"]),
          f"page shows digit {shown['digit']!r}, direct POST /predict says {answer['digit']}")
    check(answer["digit"] == expected_digit, f"expected the server to read {expected_digit}, it read {answer['digit']}")
    check(shown["confidence"] == f"{answer['confidence'] * 100:.1f}%",
          f"page shows confidence {shown['confidence']}, server says {answer['confidence']}")
    check([bar["digit"] for bar in shown["bars"]] == [str(d) for d in range(10)],
          f"expected bars for digits 0–9, found {[bar['digit'] for bar in shown['bars']]}")
    for bar in shown["bars"]:
        expected = answer["probabilities"][bar["digit"]] * 100
        check(abs(bar["value"] - expected) <= 0.051,
              f"bar {bar['digit']} shows {bar['value']}%, server says {expected:.3f}%")
    check(sum(bar["value"] for bar in shown["bars"]) > 98, "the bars do not add up to about 100%")


# MARK: Checks (each starts from a freshly loaded page)

def test_draws_a_one_and_predicts_while_drawing(page):
    page.draw(ONE, pause_after=10, release=False)
    wait_until(page.driver, lambda: page.predict_requests >= 1, "a prediction while the pen rests mid-stroke")
    requests_before = page.predict_requests
    page.release()
    check_against_server(page, page.wait_for_prediction(requests_before), expected_digit=1)


def test_draws_a_zero_with_a_pen(page):
    page.draw(ZERO, pointer=interaction.POINTER_PEN)
    check_against_server(page, page.wait_for_prediction(0), expected_digit=0)
    check(page.darkness_at(140, 140) < 0.1, "the middle of the 0 should stay white")


def test_clear_resets_the_page(page):
    page.draw(ONE)
    page.wait_for_prediction(0)
    page.driver.find_element(By.ID, "clear-button").click()
    shown = page.shown_result()
    check(shown["digit"] == "–" and shown["confidence"] == "–", f"after Clear the result still shows {shown}")
    check(all(bar["value"] == 0 for bar in shown["bars"]), "after Clear some bars are not at 0")
    ink = page.script("""
        const data = arguments[0].getContext('2d').getImageData(0, 0, 280, 280).data;
        return data.some((value) => value !== 255);""", page.canvas)
    check(not ink, "after Clear the canvas is not all white")


def test_keyboard_shortcuts(page):
    page.press(Keys.ENTER)
    shown = page.shown_result()
    check("Draw a digit first" in shown["status"], f"Enter on a blank canvas shows {shown['status']!r}")
    check(page.predict_requests == 0, "Enter on a blank canvas sent a request")

    page.draw(ONE)
    page.wait_for_prediction(0)
    requests_before = page.predict_requests
    page.press(Keys.ENTER)
    check_against_server(page, page.wait_for_prediction(requests_before), expected_digit=1)

    for key, name in ((Keys.ESCAPE, "Escape"), (Keys.DELETE, "Delete")):
        page.draw(ONE)
        page.wait_for_prediction(page.predict_requests - 1)
        page.press(key)
        check(page.shown_result()["digit"] == "–", f"{name} did not clear the result")
        check(page.darkness_at(140, 140) == 0, f"{name} did not clear the canvas")


def test_error_messages(page):
    cases = [
        ("Promise.resolve(new Response('{\"error\": \"no digit found\"}', {status: 422}))", "No digit found", "warning"),
        ("Promise.resolve(new Response('{\"error\": \"model not loaded\"}', {status: 503}))", "model not loaded", "error"),
        ("Promise.reject(new TypeError('Failed to fetch'))", "Cannot reach the server", "error"),
    ]
    for stub, message, tone in cases:
        page.script(f"window.fetchStub = () => {stub};")
        requests_before = page.predict_requests
        page.draw(ONE)
        shown = page.wait_for_prediction(requests_before)
        check(message in shown["status"] and shown["tone"] == tone,
              f"expected a {tone} status containing {message!r}, found {shown['tone']}: {shown['status']!r}")
        page.press(Keys.ESCAPE)
    page.script("window.fetchStub = undefined;")


def test_training_history_shown_only_when_served(page):
    served = http_status(page.base_url + "/training_history.png") == 200
    wait_until(page.driver, lambda: page.script("return document.readyState;") == "complete", "the page to load")
    hidden = page.script("return document.getElementById('training-history').hidden;")
    check(hidden != served, f"/training_history.png {'is' if served else 'is not'} served, yet the figure is "
                            f"{'hidden' if hidden else 'shown'}")


def test_phone_window(page):
    page.driver.set_window_size(360, 740)
    page.open()
    viewport, content, canvas_width = page.script("""
        return [window.innerWidth, document.documentElement.scrollWidth,
                arguments[0].getBoundingClientRect().width];""", page.canvas)
    check(viewport <= 360, f"the window is {viewport} px wide, not a phone's 360")
    check(content <= viewport, f"the page is {content} px wide in a {viewport} px window: it scrolls sideways")
    check(canvas_width <= viewport, f"the canvas is {canvas_width} px wide in a {viewport} px window")
    # Upwards: without `touch-action: none` this drag would scroll the page instead of drawing.
    page.draw(list(reversed(ONE)), pointer=interaction.POINTER_TOUCH)
    check_against_server(page, page.wait_for_prediction(0), expected_digit=1)
    check(page.darkness_at(*ONE[10]) > 0.9 and page.darkness_at(60, 140) == 0, "the ink is not where the finger went")
    check(page.script("return window.scrollY;") == 0, "drawing with a finger scrolled the page")


def test_scaled_canvas_maps_pointer_coordinates(page):
    page.script("arguments[0].style.width = '200px';", page.canvas)
    page.draw(BAR)
    for x in (60, 140, 220):
        check(page.darkness_at(x, 140) > 0.9, f"no ink at canvas ({x}, 140) under a pen drawn there at 200 px wide")
    check(page.darkness_at(140, 60) == 0 and page.darkness_at(140, 220) == 0, "ink where the pen did not go")


def test_seeing_inside_after_a_prediction(page):
    page.draw(ONE)
    shown = page.wait_for_prediction(0)
    page.driver.find_element(By.CSS_SELECTOR, "#inside summary").click()
    wait_until(page.driver, lambda: page.script("return document.getElementById('inside').dataset.state;") == "shown",
               "the Seeing inside panel to fill")
    inside = page.script("""
        const root = document.getElementById('inside');
        const saliency = document.getElementById('inside-saliency').getContext('2d').getImageData(0, 0, 28, 28).data;
        return {
            status: root.querySelector('.inside-status').textContent,
            layers: [...root.querySelectorAll('.inside-layer strong')].map((name) => name.textContent),
            coloured: saliency.some((value, index) => index % 4 !== 3 && value > 0),
            scores: [...root.querySelectorAll('.inside-scores li')].map((cell) => cell.textContent),
            winner: root.querySelector('.inside-scores li.is-winner')?.textContent,
        };""")
    check(f"the {shown['digit']} it sees" in inside["status"], f"the panel says {inside['status']!r} for a {shown['digit']}")
    check(inside["layers"][0] == "conv1" and inside["layers"][-1] == "dense2" and len(inside["layers"]) == 13,
          f"the panel shows the layers {inside['layers']}")
    check(inside["coloured"], "the saliency map is all black")
    check(inside["scores"] == [str(digit) for digit in range(10)] and inside["winner"] == shown["digit"],
          f"the ten scores are labelled {inside['scores']}, the winner {inside['winner']!r} for a {shown['digit']}")
    page.driver.find_element(By.ID, "clear-button").click()
    check(page.script("return document.querySelectorAll('.inside-layer').length;") == 0, "after Clear the panel still shows layers")


def test_enter_and_escape_work_wherever_focus_is(page):
    page.draw(ONE)
    page.wait_for_prediction(0)
    clear = page.driver.find_element(By.ID, "clear-button")
    page.click(clear)  # as in the report: Clear clicked with the mouse, then a new drawing and Enter
    requests_before = page.predict_requests
    page.draw(ONE)
    page.wait_for_prediction(requests_before)
    requests_before = page.predict_requests
    page.press_where_focus_is(Keys.ENTER)
    shown = page.wait_for_prediction(requests_before)
    check(shown["digit"] == "1" and page.darkness_at(*ONE[10]) > 0.9, "Enter after clicking Clear did not recognise the drawing")
    for focused in ("#recognize-button", ".reading-digit", "#inside summary", "#clear-button"):
        page.script(f"document.querySelector('{focused}').focus();")
        requests_before = page.predict_requests
        page.press_where_focus_is(Keys.ENTER)
        page.wait_for_prediction(requests_before)
        check(page.darkness_at(*ONE[10]) > 0.9, f"Enter with focus on {focused} cleared the drawing")
        check(page.script("return document.getElementById('inside').open;") is False,
              f"Enter with focus on {focused} opened Seeing inside")
    page.script("document.querySelector('.reading-digit').focus();")
    page.press_where_focus_is(Keys.ESCAPE)
    check(page.shown_result()["digit"] == "–" and page.darkness_at(*ONE[10]) == 0, "Escape on a focused tile did not clear")


def test_a_correction_is_sent_once_with_undo(page):
    page.draw(ONE)
    page.wait_for_prediction(0)
    layout = "return [document.getElementById('probabilities').getBoundingClientRect().top + window.scrollY, " \
             "document.getElementById('feedback').getBoundingClientRect().height];"
    before = page.script(layout)
    if page.feedback_state() == "offer":
        page.click(page.driver.find_element(By.CSS_SELECTOR, ".feedback-offer"))
    check(page.feedback_state() == "open", f"the correction is {page.feedback_state()}, not open")
    check(page.script(layout) == before, f"opening the correction moved the page: {before} → {page.script(layout)}")
    page.click(page.driver.find_elements(By.CSS_SELECTOR, ".feedback-digit")[7])
    check(page.feedback_state() == "pending", "picking 7 did not offer an undo")
    page.click(page.driver.find_element(By.CSS_SELECTOR, ".feedback-undo"))
    check(page.feedback_state() == "open", "Undo did not bring the choice back")
    page.click(page.driver.find_elements(By.CSS_SELECTOR, ".feedback-digit")[7])
    wait_until(page.driver, lambda: page.feedback_state() == "sent", "the correction to be sent")
    message = page.script("return document.querySelector('.feedback-message').textContent;")
    check("Sent as a 7" in message, f"the correction says {message!r}")
    check(page.script(layout) == before, f"sending the correction moved the page: {before} → {page.script(layout)}")
    # More ink and Enter: the same drawing, refined; it is not sent again.
    page.draw(BAR)
    requests_before = page.predict_requests
    page.press(Keys.ENTER)
    page.wait_for_prediction(requests_before)
    check(page.feedback_state() == "sent", f"after more ink the correction is {page.feedback_state()}")
    check(page.script("return window.feedbackRequests;") == 1,
          f"{page.script('return window.feedbackRequests;')} corrections were sent for one drawing")
    check(not page.script("return [...document.querySelectorAll('.feedback-digit')].some((b) => b.offsetParent !== null);"),
          "the digits to send are still offered")


def check_four_digits(page, shown, expected_number):
    check(shown["number"] == expected_number and len(shown["tiles"]) == 4 and shown["boxes"] == 4,
          f"expected the number {expected_number} in four tiles and boxes, the page shows {shown['number']!r}, "
          f"{len(shown['tiles'])} tiles, {shown['boxes']} boxes")
    check(all(tile["confidence"].endswith("%") for tile in shown["tiles"]), f"tiles without confidence: {shown['tiles']}")


def test_a_four_digit_number(page):
    strokes = number_strokes("2026")
    for stroke in strokes[:-1]:
        page.draw(stroke)
    # Pen down on the last digit, resting: the live reading is the whole number, never one whole-canvas guess.
    page.draw(strokes[-1], pause_after=len(strokes[-1]) // 2, release=False)
    wait_until(page.driver, lambda: len(page.shown_result()["tiles"]) == 4, "four digits while the last is drawn")
    requests_before = page.predict_requests
    page.release()
    shown = page.wait_for_prediction(requests_before)
    status, answer = post_json(page.base_url + "/predict", {"image": page.canvas_png()})
    check(status == 200 and answer["number"] == "2026", f"the server reads {answer.get('number')!r} in the drawn 2026")
    check_four_digits(page, shown, "2026")
    check(shown["tiles"][0]["digit"] == "2", "the first tile is not the 2")
    # Tapping a digit shows its bars; its probabilities are the server's for that digit.
    tiles = page.driver.find_elements(By.CSS_SELECTOR, ".reading-digit")
    page.click(tiles[3])
    shown = page.shown_result()
    check(shown["digit"] == "6", f"after tapping the last tile the page details the {shown['digit']}")
    for bar in shown["bars"]:
        expected = answer["digits"][3]["probabilities"][bar["digit"]] * 100
        check(abs(bar["value"] - expected) <= 0.051, f"bar {bar['digit']} of the 6 shows {bar['value']}%, server says {expected:.3f}%")


def test_phone_keeps_the_reading_in_view_while_drawing(page):
    page.driver.set_window_size(390, 844)
    page.open()
    viewport_width, viewport_height, canvas_width = page.script(
        "return [window.innerWidth, window.innerHeight, arguments[0].getBoundingClientRect().width];", page.canvas)
    check(canvas_width >= 0.8 * viewport_width, f"the canvas is {canvas_width} px wide on a {viewport_width} px phone")
    page.draw(ONE, pause_after=10, release=False, pointer=interaction.POINTER_TOUCH)
    wait_until(page.driver, lambda: page.script("return document.getElementById('live-reading').textContent;") == "1",
               "the reading above the canvas while the finger rests")
    top, bottom = page.script("const r = document.getElementById('live-reading').getBoundingClientRect(); return [r.top, r.bottom];")
    check(0 <= top and bottom <= viewport_height, f"the live reading is at {top}–{bottom} px, outside the {viewport_height} px screen")
    requests_before = page.predict_requests
    page.release()
    page.wait_for_prediction(requests_before)
    if page.feedback_state() == "offer":
        page.click(page.driver.find_element(By.CSS_SELECTOR, ".feedback-offer"))
    small = page.script("""
        return [...document.querySelectorAll('button')].filter((b) => b.offsetParent !== null)
            .map((b) => b.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44)
            .map((r) => `${r.width}×${r.height}`);""")
    check(not small, f"touch targets under 44 px: {small}")
    plot = page.script("""
        const image = document.querySelector('#training-history img');
        return document.getElementById('training-history').hidden ? null : image.getBoundingClientRect().width;""")
    check(plot is None or plot >= 600, f"the training plot is {plot} px wide on a phone: its axis text unreadable")
    check(page.script("return document.documentElement.scrollWidth;") <= viewport_width, "the phone page scrolls sideways")


def test_cache_validators_and_favicon(page):
    for path in ("/model.bin", "/app.js", "/"):
        with urllib.request.urlopen(page.base_url + path, timeout=WAIT_SECONDS) as response:
            tag, cache_control = response.headers["ETag"], response.headers["Cache-Control"]
        check(tag and cache_control, f"GET {path} has ETag {tag!r} and Cache-Control {cache_control!r}")
        request = urllib.request.Request(page.base_url + path, headers={"If-None-Match": tag})
        try:
            with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        check(status == 304, f"GET {path} with its ETag answered {status}, not 304")
    check(http_status(page.base_url + "/favicon.svg") == 200, "no favicon")
    wait_until(page.driver, lambda: page.script("return document.readyState;") == "complete", "the page to load")
    missing = [entry["message"] for entry in page.driver.get_log("browser") if "404" in entry["message"]]
    check(not missing, f"the page asked for files that are missing: {missing}")
    footer = page.script("return document.querySelector('.page-footer').textContent;")
    check("server" in footer, f"the served page's footer says {footer!r}")


# MARK: The static site (export-web), served by python3 -m http.server, and opened as a file

def test_static_site_reads_a_four_digit_number(page, served_url, folder):
    wait_until(page.driver, lambda: "Ready" in page.shown_result()["status"], "the model to load in the browser")
    page.draw_number("2026")
    wait_until(page.driver, lambda: len(page.shown_result()["tiles"]) == 4 and page.shown_result()["tone"] == "success",
               "the browser's reading of four digits")
    shown = page.shown_result()
    status, answer = post_json(served_url + "/predict", {"image": page.canvas_png()})
    check(status == 200 and answer["number"] == "2026", f"the server reads {answer.get('number')!r} in the drawn 2026")
    check_four_digits(page, shown, answer["number"])
    check([tile["confidence"] for tile in shown["tiles"]] == [f"{round(d['confidence'] * 100)}%" for d in answer["digits"]],
          f"the browser's confidences {shown['tiles']} are not the server's")
    footer = page.script("return document.querySelector('.page-footer').textContent;")
    check("in your browser" in footer, f"the static site's footer says {footer!r}")
    has_plot = (folder / "training_history.png").exists()
    check(page.script("return document.getElementById('training-history').hidden;") != has_plot,
          f"training_history.png {'is' if has_plot else 'is not'} exported, the figure does not follow")
    missing = [entry["message"] for entry in page.driver.get_log("browser") if "404" in entry["message"]]
    check(not missing, f"the static site asks for files it does not contain: {missing}")


def test_page_opened_as_a_file_says_so(page, served_url, folder):
    page.driver.get((folder / "index.html").resolve().as_uri())
    footer = page.script("return document.querySelector('.page-footer').textContent;")
    status = page.script("return document.getElementById('status').textContent;")
    check("Opened as a file" in footer and "needs a web server" in status,
          f"opened as a file, the page says {status!r} and {footer!r}")


STATIC_CHECKS = [test_static_site_reads_a_four_digit_number, test_page_opened_as_a_file_says_so]


def serve_folder(folder):
    """`python3 -m http.server` on `folder` at a free port; returns the process and its URL once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            http_status(url + "/")
            return server, url
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise PageTestFailure(f"python3 -m http.server on {folder} does not answer")


CHECKS = [test_draws_a_one_and_predicts_while_drawing, test_draws_a_zero_with_a_pen, test_clear_resets_the_page,
          test_keyboard_shortcuts, test_enter_and_escape_work_wherever_focus_is, test_a_correction_is_sent_once_with_undo,
          test_a_four_digit_number, test_error_messages, test_training_history_shown_only_when_served,
          test_scaled_canvas_maps_pointer_coordinates, test_phone_window, test_phone_keeps_the_reading_in_view_while_drawing,
          test_seeing_inside_after_a_prediction, test_cache_validators_and_favicon]


def save_screenshots(page, folder):
    """Saves the page with a drawn 0 at desktop and phone widths, for a look at the design."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (width, height) in {"desktop": (1280, 800), "phone": (390, 844)}.items():
        page.driver.set_window_size(width, height)
        page.open()
        page.draw_number("2026")
        page.wait_for_prediction(0)
        page.driver.save_screenshot(str(folder / f"{name}-screen.png"))
        full_height = page.script("return document.documentElement.scrollHeight;")
        page.driver.set_window_size(width, max(height, full_height))
        page.driver.save_screenshot(str(folder / f"{name}.png"))
        print(f"screenshot: {folder / f'{name}.png'}")


def main():
    parser = argparse.ArgumentParser(description="End-to-end test of the digit recognizer's web page.")
    parser.add_argument("base_url", nargs="?", default=os.environ.get("NUMSIGHT_URL", "http://127.0.0.1:5000"))
    parser.add_argument("--static-site", type=Path, help="also check this export-web folder, served and as a file")
    parser.add_argument("--screenshots", type=Path, help="also save desktop and phone screenshots in this folder")
    arguments = parser.parse_args()
    base_url = arguments.base_url.rstrip("/")

    try:
        with urllib.request.urlopen(base_url + "/health", timeout=WAIT_SECONDS) as response:
            health = json.loads(response.read())
        check(health.get("model_loaded") is True, f"GET /health answered {health}")
    except (OSError, ValueError, PageTestFailure) as error:
        print(f"FAIL: the server at {base_url} is not ready: {error}", file=sys.stderr)
        return 1

    try:
        driver = start_browser()
    except (WebDriverException, PageTestFailure) as error:
        print(f"FAIL: cannot start headless Chromium: {error}", file=sys.stderr)
        return 1

    passed, failed = 0, 0

    def run(name, body):
        nonlocal passed, failed
        try:
            driver.set_window_size(1280, 900)
            body()
            passed += 1
            print(f"ok   {name}")
        except (PageTestFailure, WebDriverException, OSError, ValueError) as error:
            failed += 1
            screenshot = Path(tempfile.gettempdir()) / f"numsight-web-{name}.png"
            driver.save_screenshot(str(screenshot))
            print(f"FAIL {name}: {str(error).strip().splitlines()[0]} (screenshot: {screenshot})")

    static_server = None
    try:
        page = RecognizerPage(driver, base_url)
        for test in CHECKS:
            run(test.__name__.removeprefix("test_"), lambda: (page.open(), test(page)))
        if arguments.static_site:
            static_server, static_url = serve_folder(arguments.static_site)
            static_page = RecognizerPage(driver, static_url)
            for test in STATIC_CHECKS:
                run("static: " + test.__name__.removeprefix("test_"),
                    lambda: (static_page.open(), test(static_page, base_url, arguments.static_site)))
        if arguments.screenshots:
            save_screenshots(page, arguments.screenshots)
    finally:
        driver.quit()
        if static_server:
            static_server.kill()

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
