// Values as the page shows them (web/js/i18n.js): dates as people read them, durations, sizes.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatDuration, formatIsoDate, formatSize, parseDateInput, utf8Length } from '../../web/js/i18n.js';

test('dates: numbers in Vietnamese, words in English, and a day without its year is a date too', () => {
  const cases = [
    ['2017-07-15', '15/7/2017', '15 July 2017'],
    ['--07-15', '15/7', '15 July'],
    ['--02-29', '29/2', '29 February'],
    ['2017-07', 'tháng 7/2017', 'July 2017'],
    ['2020', '2020', '2020'],
  ];
  for (const [iso, vi, en] of cases) {
    assert.equal(formatIsoDate('vi', iso), vi, iso);
    assert.equal(formatIsoDate('en', iso), en, iso);
  }
  for (const other of ['', 'hôm qua', '--07', '2020-12-29T08:00']) assert.equal(formatIsoDate('vi', other), other);
});

test('durations: minutes and seconds under an hour, hours and minutes from an hour on', () => {
  assert.equal(formatDuration('vi', 42), '42 giây');
  assert.equal(formatDuration('vi', 75), '1 phút 15 giây');
  assert.equal(formatDuration('vi', 22_737), '6 giờ 19 phút'); // was "378 phút 57 giây"
  assert.equal(formatDuration('en', 22_737), '6 h 19 min');
  assert.equal(formatDuration('en', 3_600), '1 h 0 min');
});

test('sizes: bytes, KB, MB', () => {
  assert.equal(formatSize('en', 512), '512 B');
  assert.equal(formatSize('en', 500 * 1024), '500 KB');
  assert.equal(formatSize('vi', 2_000_000), '1,9 MB');
});

test('a text is as large as its UTF-8: a 500 KB paste of Vietnamese is 500 KB, not the 380 K code units', () => {
  assert.equal(utf8Length('abc'), 3);
  assert.equal(utf8Length('Việt'), 6); // ệ is three bytes
  assert.equal(utf8Length('😀'), 4); // one code point, two code units
  assert.equal(utf8Length('\ud800x'), 4); // a lone surrogate becomes U+FFFD (three bytes)
  const text = 'Hà Nội đón đợt gió mùa đông bắc. '.repeat(1000);
  assert.equal(utf8Length(text), new TextEncoder().encode(text).length);
});

test('a typed date: day first as the news writes it, or ISO; what is no date is null', () => {
  for (const [typed, iso] of [
    ['29/12/2020', '2020-12-29'],
    ['1/7/2017', '2017-07-01'],
    ['29.12.2020', '2020-12-29'],
    ['29-12-2020', '2020-12-29'],
    [' 2020-12-29 ', '2020-12-29'],
    ['29/02/2020', '2020-02-29'],
    ['', ''],
  ])
    assert.equal(parseDateInput(typed), iso, typed);
  for (const typed of ['31/02/2021', '29/02/2021', '13/13/2020', '12/2020', '2020-13-01', '1/1/1850', 'hôm qua', '29/12/20'])
    assert.equal(parseDateInput(typed), null, typed);
});
