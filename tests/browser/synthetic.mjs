// A hand-made analysis document that uses every part of the schema (people with roles, quotes of each kind,
// every figure type, a date range, a warning with a span, one deliberately wrong span), so the renderer is tested
// on data the core may not produce yet. Offsets are computed here from the text, never typed in.

/** Span of the `nth` (0-based) occurrence of `needle` in `text`. */
export function spanOf(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`“${needle}” #${nth} not in the text`);
  }
  return { start: at, end: at + needle.length, text: needle };
}

export function syntheticDocument(extra = {}) {
  const paragraphs = [
    'Hà Nội, ngày 5/1/2021',
    'Ông Nguyễn Văn An, Giám đốc Sở Y tế Hà Nội, cho biết: “Tỷ lệ tiêm chủng đạt 95%. Chúng tôi sẽ tiếp tục.”',
    'Ông An nói thêm rằng ngân sách năm nay là 5 tỷ đồng, đủ cho 120 nghìn liều vắc xin.',
    'Nguyên Phó Giám đốc Trần Thị Bình: Công tác phòng dịch cần bền bỉ.',
    'Mai Anh',
  ];
  const text = paragraphs.join('\n\n');
  const s = (needle, nth) => spanOf(text, needle, nth);
  const blockTypes = ['header', 'lead', 'body', 'speaker_caption', 'byline'];
  const blocks = paragraphs.map((p, i) => ({ type: blockTypes[i], paragraph: i, ...s(p) }));
  blocks[0].date = '2021-01-05';
  blocks[3].speaker = s('Nguyên Phó Giám đốc Trần Thị Bình');
  blocks[3].statement = s('Công tác phòng dịch cần bền bỉ.');

  const sentenceTexts = [
    ['Hà Nội, ngày 5/1/2021', 0],
    ['Ông Nguyễn Văn An, Giám đốc Sở Y tế Hà Nội, cho biết: “Tỷ lệ tiêm chủng đạt 95%.', 1],
    ['Chúng tôi sẽ tiếp tục.”', 1],
    ['Ông An nói thêm rằng ngân sách năm nay là 5 tỷ đồng, đủ cho 120 nghìn liều vắc xin.', 2],
    ['Nguyên Phó Giám đốc Trần Thị Bình: Công tác phòng dịch cần bền bỉ.', 3],
    ['Mai Anh', 4],
  ];
  const sentences = sentenceTexts.map(([t, block]) => ({ ...s(t), block }));

  const entity = (type, needle, value = {}, sentence = 0, nth = 0) => ({ type, ...s(needle, nth), value, sentence });
  const entities = [
    entity('location', 'Hà Nội', { canonical: 'Hà Nội' }, 0),
    entity('date', 'ngày 5/1/2021', { date: '2021-01-05' }, 0),
    entity('person', 'Nguyễn Văn An', { canonical: 'Nguyễn Văn An' }, 1),
    entity('organization', 'Sở Y tế Hà Nội', { canonical: 'Sở Y tế Hà Nội' }, 1),
    entity('location', 'Hà Nội', { canonical: 'Hà Nội' }, 1, 1), // nested inside the organization
    entity('percent', '95%', { number: 95 }, 1),
    entity('person', 'An', { canonical: 'Nguyễn Văn An' }, 3, 1),
    entity('date', 'năm nay', { date: '2021', end: '2021-12-31' }, 3),
    entity('money', '5 tỷ đồng', { number: 5e9, unit: 'VND' }, 3),
    entity('quantity', '120 nghìn liều', { number: 120000, unit: 'liều' }, 3),
    entity('number', '120', { number: 120 }, 3),
    entity('person', 'Trần Thị Bình', { canonical: 'Trần Thị Bình' }, 4),
    entity('time', 'Mai', { time: '08:00' }, 5), // a wrong span on purpose below
  ];
  // Deliberately inconsistent: the span says "Mai" but its text claims "Xyz" → the page must flag it.
  entities[entities.length - 1].text = 'Xyz';

  const people = [
    {
      name: 'Nguyễn Văn An',
      mentions: [s('Nguyễn Văn An'), s('An', 1)],
      roles: [{ title: 'Giám đốc', organization: 'Sở Y tế Hà Nội', qualifiers: [], ...s('Giám đốc Sở Y tế Hà Nội') }],
    },
    {
      name: 'Trần Thị Bình',
      mentions: [s('Trần Thị Bình')],
      roles: [{ title: 'Phó Giám đốc', organization: '', qualifiers: ['former'], ...s('Nguyên Phó Giám đốc') }],
    },
  ];
  const quotes = [
    { kind: 'direct', ...s('“Tỷ lệ tiêm chủng đạt 95%. Chúng tôi sẽ tiếp tục.”'), cue: s('cho biết'), person: 0, speaker: 'Nguyễn Văn An' },
    { kind: 'reported', ...s('ngân sách năm nay là 5 tỷ đồng, đủ cho 120 nghìn liều vắc xin'), cue: s('nói thêm'), person: 0, speaker: 'Ông An' },
    { kind: 'speaker_caption', ...s('Công tác phòng dịch cần bền bỉ.'), person: 1, speaker: 'Trần Thị Bình' },
    { kind: 'reported', ...s('Công tác phòng dịch'), person: -1, speaker: 'đại biểu' },
  ];
  return {
    text,
    doc: {
      schema: 3,
      analyzer: { name: 'article-analyzer', version: 'test' },
      status: 'ok',
      language: 'vi',
      article: { date: '2021-01-05', title: '', author: 'Mai Anh' },
      blocks,
      sentences,
      tokens: [],
      words: [],
      entities,
      people,
      organizations: [{ name: 'Sở Y tế Hà Nội', mentions: [s('Sở Y tế Hà Nội')] }],
      places: [{ name: 'Hà Nội', mentions: [s('Hà Nội'), s('Hà Nội', 1)] }],
      quotes,
      abbreviations: [{ abbreviation: 'UBND', expansion: 'Ủy ban nhân dân', count: 0 }],
      keywords: [
        { text: 'tiêm chủng', score: 1, count: 1 },
        { text: 'ngân sách', score: 0.5, count: 1 },
      ],
      stats: { characters: text.length, syllables: 60, words: 45, sentences: sentences.length, paragraphs: 5, readingTimeSeconds: 16.4 },
      warnings: [{ code: 'test_warning', message: 'A warning with a place in the text.', ...s('120 nghìn liều') }],
      errors: [],
      ...extra,
    },
  };
}
