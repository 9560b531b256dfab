#!/usr/bin/env python3
"""End-to-end test of the digit recognizer's web page, in headless Chromium driven by Selenium.

Draws digits with real pointer moves (mouse, pen, finger), waits for the page's prediction and checks it
against a direct POST /predict of the same canvas PNG; checks Clear, the keyboard
shortcuts, the status messages for server errors, drawing on a phone-sized window, and the "Seeing inside" panel.

    bash install_browser.sh
    python3 test_page.py [BASE_URL] [--screenshots DIR]

BASE_URL defaults to $NUMSIGHT_URL, then http://127.0.0.1:5000. Exits non-zero on any failure.
"""
import argparse
import json
import math
import os
import shutil
import sys
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
        # Count the page's /predict requests, to check when it sends one and when it must not.
        self.driver.execute_script("""
            window.predictRequests = 0;
            const fetchFromNetwork = window.fetch;
            window.fetch = (resource, options) => {
                if (String(resource).includes('/predict')) window.predictRequests += 1;
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
            return {
                digit: document.getElementById('predicted-digit').textContent.trim(),
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
        };""")
    check(f"the {shown['digit']} it sees" in inside["status"], f"the panel says {inside['status']!r} for a {shown['digit']}")
    check(inside["layers"][0] == "conv1" and inside["layers"][-1] == "dense2" and len(inside["layers"]) == 13,
          f"the panel shows the layers {inside['layers']}")
    check(inside["coloured"], "the saliency map is all black")
    page.driver.find_element(By.ID, "clear-button").click()
    check(page.script("return document.querySelectorAll('.inside-layer').length;") == 0, "after Clear the panel still shows layers")


CHECKS = [test_draws_a_one_and_predicts_while_drawing, test_draws_a_zero_with_a_pen, test_clear_resets_the_page,
          test_keyboard_shortcuts, test_error_messages, test_training_history_shown_only_when_served,
          test_scaled_canvas_maps_pointer_coordinates, test_phone_window, test_seeing_inside_after_a_prediction]


def save_screenshots(page, folder):
    """Saves the page with a drawn 0 at desktop and phone widths, for a look at the design."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (width, height) in {"desktop": (1280, 900), "phone": (360, 740)}.items():
        page.driver.set_window_size(width, height)
        page.open()
        page.draw(ZERO)
        page.wait_for_prediction(0)
        full_height = page.script("return document.documentElement.scrollHeight;")
        page.driver.set_window_size(width, max(height, full_height))
        page.driver.save_screenshot(str(folder / f"{name}.png"))
        print(f"screenshot: {folder / f'{name}.png'}")


def main():
    parser = argparse.ArgumentParser(description="End-to-end test of the digit recognizer's web page.")
    parser.add_argument("base_url", nargs="?", default=os.environ.get("NUMSIGHT_URL", "http://127.0.0.1:5000"))
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
    try:
        page = RecognizerPage(driver, base_url)
        for test in CHECKS:
            name = test.__name__.removeprefix("test_")
            try:
                driver.set_window_size(1280, 900)
                page.open()
                test(page)
                passed += 1
                print(f"ok   {name}")
            except (PageTestFailure, WebDriverException, OSError, ValueError) as error:
                failed += 1
                screenshot = Path(tempfile.gettempdir()) / f"numsight-web-{name}.png"
                driver.save_screenshot(str(screenshot))
                print(f"FAIL {name}: {str(error).strip().splitlines()[0]} (screenshot: {screenshot})")
        if arguments.screenshots:
            save_screenshots(page, arguments.screenshots)
    finally:
        driver.quit()

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
