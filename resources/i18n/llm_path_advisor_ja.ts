<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AdviceErrors</name>
    <message>
        <source>The target pass rate “{target}” is not a share between 0 and 1.</source>
        <translation>目標合格率「{target}」が 0 から 1 の間の割合になっていません。</translation>
    </message>
    <message>
        <source>Set target_pass_rate in project.json to a value such as 0.9 (90%).</source>
        <translation>project.json の target_pass_rate を 0.9（90%）のような値にしてください。</translation>
    </message>
    <message>
        <source>The examples pool size “{size}” is not a count.</source>
        <translation>例題プールのサイズ「{size}」が件数になっていません。</translation>
    </message>
    <message>
        <source>Re-import the dataset to set aside an examples pool.</source>
        <translation>データセットを取り込み直して、例題プールを取り分けてください。</translation>
    </message>
    <message>
        <source>There are no runs to advise on yet.</source>
        <translation>助言の元になる実行がまだありません。</translation>
    </message>
    <message>
        <source>Run or import a run first.</source>
        <translation>先に実行するか、実行結果を取り込んでください。</translation>
    </message>
    <message>
        <source>Lower the variant&apos;s top-k or the chunk size, or choose a model with a longer context, and run again.</source>
        <translation>バリアントの top-k かチャンクサイズを下げるか、コンテキストの長いモデルを選んでから、もう一度実行してください。</translation>
    </message>
    <message>
        <source>Check the connection (Test button or `connect`) and run again.</source>
        <translation>接続を確認して（テストボタンまたは `connect`）、もう一度実行してください。</translation>
    </message>
    <message>
        <source>See the error below, fix it, and run again.</source>
        <translation>下のエラーを確認して直してから、もう一度実行してください。</translation>
    </message>
    <message>
        <source>None of the runs produced an answer: every row ended in an error; the commonest, on {count} rows: {example}</source>
        <translation>どの実行も回答を得られませんでした。すべての行がエラーで終わっています。最も多いエラー（{count} 行）: {example}</translation>
    </message>
    <message>
        <source>This project has no runs yet.</source>
        <translation>このプロジェクトにはまだ実行がありません。</translation>
    </message>
    <message>
        <source>This project has no runs with results yet.</source>
        <translation>このプロジェクトには結果のある実行がまだありません。</translation>
    </message>
</context>
<context>
    <name>AdviceHeadlines</name>
    <message>
        <source>More prompt engineering next</source>
        <translation>次はプロンプトの改善</translation>
    </message>
    <message>
        <source>RAG next</source>
        <translation>次は RAG</translation>
    </message>
    <message>
        <source>Improve retrieval next</source>
        <translation>次は検索の改善</translation>
    </message>
    <message>
        <source>Fine-tuning next</source>
        <translation>次はファインチューニング</translation>
    </message>
    <message>
        <source>Fine-tuning and RAG next</source>
        <translation>次はファインチューニングと RAG</translation>
    </message>
    <message>
        <source>Good enough</source>
        <translation>十分な品質です</translation>
    </message>
    <message>
        <source>A stronger model next</source>
        <translation>次はより強いモデル</translation>
    </message>
    <message>
        <source>The model lacks facts, and for most of the questions it gets wrong no document holds the answer: retrieval can only bring what the documents contain. Add documents that cover the questions listed first, then measure RAG.</source>
        <translation>モデルに事実が不足していますが、誤答した質問の大半は、どの文書にも答えがありません。検索は文書にある内容しか持ってこられません。先頭に挙げた質問をカバーする文書を追加してから、RAG を測定してください。</translation>
    </message>
    <message>
        <source>With RAG, most of the answers still missing are in none of the documents: no search setting can find them. Add documents that cover the questions listed first, then measure again.</source>
        <translation>RAG を使っても見つからない答えの大半は、どの文書にもありません。検索設定をどう変えても見つけられません。先頭に挙げた質問をカバーする文書を追加してから、もう一度測定してください。</translation>
    </message>
    <message>
        <source>RAG is in use and fixed most of the missing facts. The next move on top of it: tune retrieval for the rows whose passages still lack the answer.</source>
        <translation>RAG は使用中で、不足していた事実の大半を補いました。その上での次の一手は、パッセージにまだ答えがない行に向けた検索の調整です。</translation>
    </message>
    <message>
        <source>RAG is in use and brings the facts, but the answers still take the wrong form. Train the model on examples of the wanted behaviour, with their passages.</source>
        <translation>RAG は使用中で事実は届いていますが、回答の形式がまだ正しくありません。望ましい振る舞いの例を、そのパッセージ付きでモデルに学習させてください。</translation>
    </message>
    <message>
        <source>RAG is in use, yet both missing facts and wrong form remain after prompt work: fine-tune the model and keep improving retrieval.</source>
        <translation>RAG を使用し、プロンプトも改善しましたが、事実の不足と形式の誤りの両方が残っています。モデルをファインチューニングし、検索の改善も続けてください。</translation>
    </message>
    <message>
        <source>The passages hold the answer and a grounding prompt was measured, yet the model still ignores them: the model itself is the limit. Try a stronger model on the same rows, or fine-tune this one on answers that use the passages.</source>
        <translation>パッセージに答えがあり、根拠づけのプロンプトも測定しましたが、モデルはまだそれを使いません。限界はモデル自体にあります。同じ行でより強いモデルを試すか、パッセージを使った回答でこのモデルをファインチューニングしてください。</translation>
    </message>
    <message>
        <source>The passages hold the answer but the replies do not use it. Tell the model to answer from the passages before trying anything costlier.</source>
        <translation>パッセージには答えがありますが、回答がそれを使っていません。コストのかかる手段を試す前に、パッセージに基づいて答えるようモデルに指示してください。</translation>
    </message>
    <message>
        <source>RAG has been measured and fixed most of the missing facts: adopt it, then tune retrieval and grounding with the checklist below.</source>
        <translation>RAG を測定した結果、不足していた事実の大半が解消されました。RAG を採用し、下のチェックリストに沿って検索と根拠付けを調整してください。</translation>
    </message>
    <message>
        <source>Improve the prompt first: clearer instructions, a step-by-step request and a few worked examples. It is the cheapest step.</source>
        <translation>まずプロンプトを改善してください。明確な指示、段階的に考えさせる依頼、いくつかの解答例です。最も安く済む手段です。</translation>
    </message>
    <message>
        <source>The model lacks facts. Retrieve passages from your documents into the prompt (context optimization: what the model needs to know).</source>
        <translation>モデルに事実の知識が不足しています。ドキュメントからパッセージを検索してプロンプトに入れてください（コンテキストの最適化：モデルが知るべきこと）。</translation>
    </message>
    <message>
        <source>RAG is in place, but its passages often lack the answer. Tune chunking, search and ranking before changing the model.</source>
        <translation>RAG は導入済みですが、パッセージに答えが含まれないことがよくあります。モデルを変える前に、チャンク分割・検索・ランキングを調整してください。</translation>
    </message>
    <message>
        <source>The model knows enough but does not act consistently. Train it on examples of the wanted behaviour (LLM optimization: how the model needs to act).</source>
        <translation>モデルの知識は足りていますが、振る舞いが安定しません。望ましい振る舞いの例でモデルを学習させてください（LLM の最適化：モデルがどう振る舞うべきか）。</translation>
    </message>
    <message>
        <source>Both missing facts and wrong form remain after prompt work and RAG: combine a fine-tuned model with retrieval.</source>
        <translation>プロンプトの改善と RAG の後も、事実の不足と形式の誤りの両方が残っています。ファインチューニングしたモデルと検索を組み合わせてください。</translation>
    </message>
    <message>
        <source>The pass rate meets the target. Keep the evaluation set as a regression test.</source>
        <translation>合格率が目標に達しています。この評価セットを回帰テストとして残してください。</translation>
    </message>
    <message>
        <source>%1 passes %2 of its rows; the target is %3.</source>
        <translation>%1 の合格率は %2 で、目標は %3 です。</translation>
    </message>
    <message>
        <source>For %1 of the %2 rows answered wrong, no document holds the answer.</source>
        <translation>誤答した %2 行のうち %1 行は、どの文書にも答えがありません。</translation>
    </message>
    <message>
        <source>%1 of the failures with RAG came from passages that lacked the answer.</source>
        <translation>RAG での不合格のうち %1 は、パッセージに答えがなかったことが原因です。</translation>
    </message>
    <message>
        <source>%1 rows still have wrong facts with RAG, and no retrieval check tells whether the passages held the answer.</source>
        <translation>RAG を使っても %1 行の事実がまだ誤っていますが、パッセージに答えがあったかを判定する検索チェックがありません。</translation>
    </message>
    <message>
        <source>%1 of the failures with RAG had the answer in the passages, but the reply did not use it.</source>
        <translation>RAG での不合格のうち %1 は、パッセージに答えがあったのに回答がそれを使っていませんでした。</translation>
    </message>
    <message>
        <source>%1 of the failures had the right facts in the wrong form: clearer instructions and examples are the cheapest fix.</source>
        <translation>不合格のうち %1 は、事実は正しいのに形式が誤っていました。明確な指示と例を加えるのが最も安い対策です。</translation>
    </message>
    <message>
        <source>Confidence: %1.</source>
        <translation>確信度: %1。</translation>
    </message>
    <message>
        <source>Confidence: %1 (%2).</source>
        <translation>確信度: %1（%2）。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Grounding the prompt was tried, but %1 of the rows still ignore the answer in their passages.</source>
        <translation>プロンプトでの根拠付けを試しましたが、まだ %1 の行がパッセージ内の答えを無視しています。</translation>
    </message>
    <message>
        <source>Add documents, then RAG</source>
        <translation>文書を追加してから RAG</translation>
    </message>
    <message>
        <source>Add documents that cover the missing answers</source>
        <translation>欠けている答えをカバーする文書を追加</translation>
    </message>
    <message>
        <source>Improve retrieval on top of RAG next</source>
        <translation>次は RAG の上で検索を改善</translation>
    </message>
    <message>
        <source>Fine-tuning on top of RAG next</source>
        <translation>次は RAG の上でファインチューニング</translation>
    </message>
    <message>
        <source>Few-shot examples fixed %1 of the rows with the wrong form, but %2 of the rows still have it.</source>
        <translation>Few-shot の例で形式の誤りが %1 の行で直りましたが、まだ %2 の行に残っています。</translation>
    </message>
    <message>
        <source>After prompt work and RAG, %1 of the failures still lack facts and %2 have the wrong form.</source>
        <translation>プロンプトの改善と RAG の後も、不合格のうち %1 は事実が不足し、%2 は形式が誤っています。</translation>
    </message>
    <message>
        <source>%1 of the failures were missing facts, and RAG fixed %2 of them.</source>
        <translation>不合格のうち %1 は事実の不足で、RAG でそのうち %2 が直りました。</translation>
    </message>
    <message>
        <source>%1 of the failures were missing facts: RAG can bring them from your documents.</source>
        <translation>不合格のうち %1 は事実の不足です。RAG でドキュメントから補えます。</translation>
    </message>
    <message>
        <source>The documents hold the answer for %1 of the rows.</source>
        <translation>%1 の行では、ドキュメントに答えがあります。</translation>
    </message>
    <message>
        <source>The advice starts from the best run, %1; target pass rate %2.</source>
        <translation>アドバイスは最良の実行 %1 を基準にしています。目標合格率は %2 です。</translation>
    </message>
    <message>
        <source>The verdicts behind this advice are automatic: no answer has been reviewed yet (Results → Review 20 answers).</source>
        <translation>このアドバイスの判定はすべて自動です。まだ回答のレビューはありません（結果 → 20件をレビュー）。</translation>
    </message>
    <message>
        <source>You reviewed %1 answer: the automatic verdict agreed with yours on %2 (%3, Cohen&apos;s kappa %4).</source>
        <translation>レビュー済みの回答は %1 件で、自動判定とあなたの判定が一致したのは %2 件です（%3、Cohen の κ %4）。</translation>
    </message>
    <message>
        <source>You reviewed %1 answers: the automatic verdicts agreed with yours on %2 (%3, Cohen&apos;s kappa %4).</source>
        <translation>レビュー済みの回答は %1 件で、自動判定とあなたの判定が一致したのは %2 件です（%3、Cohen の κ %4）。</translation>
    </message>
    <message>
        <source>%1 answers of %2 are unsure and counted apart, never as gaps.</source>
        <translation>%2 の回答のうち %1 件は判定保留で、ギャップには数えず別に集計しています。</translation>
    </message>
    <message>
        <source>Only one run so far: run another variant to see what it changes.</source>
        <translation>実行はまだ 1 回だけです。別のバリアントを実行して、何が変わるかを確かめてください。</translation>
    </message>
    <message>
        <source>adds %1</source>
        <translation>%1 を追加</translation>
    </message>
    <message>
        <source>same techniques on model %1</source>
        <translation>同じ手法でモデル %1</translation>
    </message>
    <message>
        <source>Latest run %1 against its parent %2 (%3): pass rate %4 → %5 (%6 points).</source>
        <translation>最新の実行 %1 とその親 %2 の比較（%3）: 合格率 %4 → %5（%6 ポイント）。</translation>
    </message>
    <message>
        <source>Latest run %1 against %2: pass rate %3 → %4 (%5 points).</source>
        <translation>最新の実行 %1 と %2 の比較：合格率 %3 → %4（%5 ポイント）。</translation>
    </message>
    <message>
        <source>No earlier run differs from it by one step, so more than one thing changed between them.</source>
        <translation>一段階だけ異なる以前の実行がないため、両者の間では複数の点が変わっています。</translation>
    </message>
    <message>
        <source>On the %1 rows both ran: %2 fixed, %3 broken.</source>
        <translation>両方で実行した %1 行のうち、%2 行が改善し、%3 行が悪化しました。</translation>
    </message>
    <message>
        <source>This is the sample project: its runs were written by hand for the tour, not produced by a model. Create a project of your own to get advice on your data.</source>
        <translation>これはサンプルプロジェクトです。実行結果はツアー用に手作業で書いたもので、モデルが生成したものではありません。ご自分のデータでアドバイスを得るには、プロジェクトを作成してください。</translation>
    </message>
</context>
<context>
    <name>AdvicePage</name>
    <message>
        <source>Advice</source>
        <translation>アドバイス</translation>
    </message>
    <message>
        <source>Weighing the evidence…</source>
        <translation>根拠を検討しています…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>レポートを作成しています…</translation>
    </message>
    <message>
        <source>Cancel e&amp;xport</source>
        <translation>エクスポートを中止(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Target pass rate:</source>
        <translation>目標合格率(&amp;T):</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>The pass rate that is good enough; the advice says &quot;Good enough&quot; once the best run reaches it.</source>
        <translation>十分とみなす合格率です。最良の実行がこの値に達すると、アドバイスは「十分な品質です」になります。</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>レポートをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Open report</source>
        <translation>レポートを開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fine-tuning helper…</source>
        <translation>ファインチューニング支援(&amp;F)…</translation>
    </message>
    <message>
        <source>The target could not be saved.</source>
        <translation>目標を保存できませんでした。</translation>
    </message>
    <message>
        <source>Check that the project folder is writable (%1).</source>
        <translation>プロジェクトフォルダーに書き込めるか確認してください（%1）。</translation>
    </message>
    <message>
        <source>The advice could not be computed because of an internal error.</source>
        <translation>内部エラーのため、アドバイスを計算できませんでした。</translation>
    </message>
    <message>
        <source>The details are in the log (Help → Show Log Folder).</source>
        <translation>詳細はログにあります（ヘルプ → ログフォルダーを表示）。</translation>
    </message>
    <message>
        <source>No project is open</source>
        <translation>プロジェクトが開かれていません</translation>
    </message>
    <message>
        <source>Open or create a project and run a few variants; the advice appears here.</source>
        <translation>プロジェクトを開くか作成して、いくつかのバリアントを実行してください。ここにアドバイスが表示されます。</translation>
    </message>
    <message>
        <source>&amp;Go to Project</source>
        <translation>プロジェクトへ(&amp;G)</translation>
    </message>
    <message>
        <source>Reading the runs…</source>
        <translation>実行結果を読み込んでいます…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>中止しました</translation>
    </message>
    <message>
        <source>The advice was not computed because the work was cancelled.</source>
        <translation>処理がキャンセルされたため、アドバイスは計算されていません。</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>再試行(&amp;T)</translation>
    </message>
    <message>
        <source>No advice yet</source>
        <translation>アドバイスはまだありません</translation>
    </message>
    <message>
        <source>This project has no runs yet.</source>
        <translation>このプロジェクトにはまだ実行結果がありません。</translation>
    </message>
    <message>
        <source>Run a baseline and one or two variants, or import a run made elsewhere; the advice compares them.</source>
        <translation>ベースラインと 1〜2 個のバリアントを実行するか、他で作成した実行結果をインポートしてください。アドバイスはそれらを比較します。</translation>
    </message>
    <message>
        <source>&amp;Go to Run</source>
        <translation>実行へ(&amp;G)</translation>
    </message>
    <message>
        <source>No advice could be given</source>
        <translation>アドバイスを出せませんでした</translation>
    </message>
    <message>
        <source>See the message above.</source>
        <translation>上のメッセージを参照してください。</translation>
    </message>
    <message>
        <source>The checklist could not be saved.</source>
        <translation>チェックリストを保存できませんでした。</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>レポートのエクスポート</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML ファイル (*.html *.htm)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>The report could not be written because of an internal error.</source>
        <translation>内部エラーのため、レポートを書き出せませんでした。</translation>
    </message>
</context>
<context>
    <name>AdviceText</name>
    <message>
        <source>instructions</source>
        <translation>指示</translation>
    </message>
    <message>
        <source>step-by-step</source>
        <translation>段階的思考</translation>
    </message>
    <message>
        <source>few-shot</source>
        <translation>Few-shot</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>tuned retrieval</source>
        <translation>検索の調整</translation>
    </message>
    <message>
        <source>fine-tuned</source>
        <translation>ファインチューニング済み</translation>
    </message>
    <message>
        <source>none (baseline)</source>
        <translation>なし（ベースライン）</translation>
    </message>
    <message>
        <source>knowledge gap</source>
        <translation>知識ギャップ</translation>
    </message>
    <message>
        <source>behaviour gap</source>
        <translation>振る舞いギャップ</translation>
    </message>
    <message>
        <source>retrieval gap</source>
        <translation>検索ギャップ</translation>
    </message>
    <message>
        <source>generation gap</source>
        <translation>生成ギャップ</translation>
    </message>
    <message>
        <source>Knowledge gaps</source>
        <translation>知識ギャップ</translation>
    </message>
    <message>
        <source>Behaviour gaps</source>
        <translation>振る舞いギャップ</translation>
    </message>
    <message>
        <source>Retrieval gaps</source>
        <translation>検索ギャップ</translation>
    </message>
    <message>
        <source>Generation gaps</source>
        <translation>生成ギャップ</translation>
    </message>
    <message>
        <source>The facts in the answer were missing or wrong.</source>
        <translation>回答中の事実が不足しているか、誤っていました。</translation>
    </message>
    <message>
        <source>The facts were right but the form was wrong (format, length, tone, language).</source>
        <translation>事実は正しいものの、形式（書式・長さ・口調・言語）が誤っていました。</translation>
    </message>
    <message>
        <source>With RAG, the retrieved passages did not contain the answer.</source>
        <translation>RAG で取得したパッセージに答えが含まれていませんでした。</translation>
    </message>
    <message>
        <source>With RAG, the passages had the answer but the reply did not use it.</source>
        <translation>RAG のパッセージに答えがあったのに、回答がそれを使っていませんでした。</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>error (no answer)</source>
        <translation>エラー（回答なし）</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>判定保留</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>the automatic verdicts often disagree with a person&apos;s</source>
        <translation>自動判定が人の判定と食い違うことが多い</translation>
    </message>
    <message>
        <source>{count} of the {failures} failing rows of {run} ({share}) are knowledge gaps: the facts in the answer were missing or wrong.</source>
        <translation>{run} の不合格 {failures} 行のうち {count} 行（{share}）は知識ギャップです。回答中の事実が不足しているか、誤っていました。</translation>
    </message>
    <message>
        <source>{count} of the {failures} failing rows of {run} ({share}) are behaviour gaps: the facts were right but the form was wrong (format, length, tone, language).</source>
        <translation>{run} の不合格 {failures} 行のうち {count} 行（{share}）は振る舞いギャップです。事実は正しいものの、形式（書式・長さ・口調・言語）が誤っていました。</translation>
    </message>
    <message>
        <source>{count} of the {failures} failing rows of {run} ({share}) are retrieval gaps: the retrieved passages did not contain the answer.</source>
        <translation>{run} の不合格 {failures} 行のうち {count} 行（{share}）は検索ギャップです。取得したパッセージに答えが含まれていませんでした。</translation>
    </message>
    <message>
        <source>{count} of the {failures} failing rows of {run} ({share}) are generation gaps: the passages had the answer but the reply did not use it.</source>
        <translation>{run} の不合格 {failures} 行のうち {count} 行（{share}）は生成ギャップです。パッセージに答えがあったのに、回答がそれを使っていませんでした。</translation>
    </message>
    <message>
        <source>{run} (adding {techniques})</source>
        <translation>{run}（{techniques} を追加）</translation>
    </message>
    <message>
        <source>{run} fixed {fixed} of the {of} rows of {reference} that had the wrong form ({share}).</source>
        <translation>{run} は、{reference} で形式が誤っていた {of} 行のうち {fixed} 行を直しました（{share}）。</translation>
    </message>
    <message>
        <source>{run} fixed {fixed} of the {of} rows of {reference} that lacked the right facts ({share}).</source>
        <translation>{run} は、{reference} で正しい事実が欠けていた {of} 行のうち {fixed} 行を直しました（{share}）。</translation>
    </message>
    <message>
        <source>It broke {count} row that passed before.</source>
        <translation>以前は合格していた {count} 行が不合格になりました。</translation>
    </message>
    <message>
        <source>It broke {count} rows that passed before.</source>
        <translation>以前は合格していた {count} 行が不合格になりました。</translation>
    </message>
    <message>
        <source>{run} did worse than {reference}: on the {common} rows both answered, the pass rate fell from {before} to {after}.</source>
        <translation>{run} は {reference} より悪い結果です。両方が回答した {common} 行で、合格率が {before} から {after} に下がりました。</translation>
    </message>
    <message>
        <source>Rows broken: {broken}; rows fixed: {fixed}.</source>
        <translation>悪化した行：{broken}、改善した行：{fixed}。</translation>
    </message>
    <message>
        <source>{run} uses {tokens} tokens per request against {reference_tokens} for {reference} (×{ratio}).</source>
        <translation>{run} は 1 リクエストあたり {tokens} トークンを使います（{reference} は {reference_tokens}、×{ratio}）。</translation>
    </message>
    <message>
        <source>Median latency {latency} against {reference_latency}.</source>
        <translation>レイテンシの中央値は {latency}（比較対象は {reference_latency}）です。</translation>
    </message>
    <message>
        <source>{run} fixed {fixed} of the {of} rows of {reference} with a {gap} ({fixed_share}), but {remaining} of its {rows} answered rows ({share}) still have one.</source>
        <translation>{run} は {reference} で {gap} があった {of} 行のうち {fixed} 行を直しました（{fixed_share}）が、回答のあった {rows} 行のうち {remaining} 行（{share}）にはまだ残っています。</translation>
    </message>
    <message>
        <source>Retrieval readiness: the knowledge base returns the answer in its top {k} passages for {hits} of {rows} rows ({share}).</source>
        <translation>検索の準備度：ナレッジベースは {rows} 行のうち {hits} 行で、上位 {k} 件のパッセージに答えを返します（{share}）。</translation>
    </message>
    <message>
        <source>Retrieval readiness: the knowledge base returns the answer in its top passages for {share} of the rows checked.</source>
        <translation>検索の準備度：確認した行のうち {share} で、ナレッジベースは上位のパッセージに答えを返します。</translation>
    </message>
    <message>
        <source>{run} passes {pass_rate} of its {rows} rows; the target is {target}.</source>
        <translation>{run} は {rows} 行のうち {pass_rate} に合格しています。目標は {target} です。</translation>
    </message>
    <message>
        <source>{run} also meets the target ({pass_rate}) with {tokens} tokens per request instead of {reference_tokens}.</source>
        <translation>{run} も目標（{pass_rate}）を満たしており、1 リクエストあたりのトークンは {reference_tokens} ではなく {tokens} です。</translation>
    </message>
    <message>
        <source>{errors} of the {rows} rows of {run} got no answer (errors); they are not counted as gaps.</source>
        <translation>{run} の {rows} 行のうち {errors} 行は回答が得られませんでした（エラー）。これらはギャップとして数えていません。</translation>
    </message>
    <message>
        <source>The commonest error: {error}. Run again to resume these rows.</source>
        <translation>最も多いエラー：{error}。もう一度実行すると、これらの行を再開できます。</translation>
    </message>
    <message>
        <source>Check the connection and run again.</source>
        <translation>接続を確認して、もう一度実行してください。</translation>
    </message>
    <message>
        <source>The server cut the prompt of {rows} of the {of} rows of {run} to fit its context window (it read {read} of the {sent} tokens sent): those answers never saw all of their passages or instructions, so their gaps may not be what they seem.</source>
        <translation>サーバーはコンテキスト長に収めるため、{run} の {of} 行のうち {rows} 行でプロンプトを切り詰めました（送った {sent} トークンのうち {read} トークンだけを読みました）。これらの回答はパッセージや指示をすべては見ていないため、ギャップの分類が実際と異なる可能性があります。</translation>
    </message>
    <message>
        <source>Give the model a longer context window (Ollama: start it with OLLAMA_CONTEXT_LENGTH=8192 or set num_ctx; LM Studio: raise the model&apos;s context length), or lower top-k, then run again.</source>
        <translation>モデルのコンテキスト長を長くするか（Ollama：OLLAMA_CONTEXT_LENGTH=8192 を付けて起動するか num_ctx を設定、LM Studio：モデルのコンテキスト長を上げる）、top-k を下げてから、もう一度実行してください。</translation>
    </message>
    <message>
        <source>{run} has no content check, so missing or wrong facts cannot be detected. Add one on the Checks page (for example token F1 or an LLM judge).</source>
        <translation>{run} には内容チェックがないため、事実の不足や誤りを検出できません。チェックのページで追加してください（例：トークン F1 や LLM ジャッジ）。</translation>
    </message>
    <message>
        <source>{count} of the {rows} answered rows of {run} have wrong facts, but no retrieval check scored their passages, so it is unknown whether retrieval or the answer is at fault.</source>
        <translation>{run} の回答のあった {rows} 行のうち {count} 行は事実が誤っていますが、パッセージを評価する検索チェックがないため、検索と回答のどちらに原因があるか分かりません。</translation>
    </message>
    <message>
        <source>For {count} of the {of} rows {run} got wrong, no document holds the expected answer ({share}): add documents that cover these questions.</source>
        <translation>{run} が誤答した {of} 行のうち {count} 行（{share}）は、どの文書にも期待される答えがありません。これらの質問をカバーする文書を追加してください。</translation>
    </message>
    <message>
        <source>This could be chance (p = {p}).</source>
        <translation>偶然の可能性があります（p = {p}）。</translation>
    </message>
    <message>
        <source>About {rows} evaluation rows would settle it.</source>
        <translation>約 {rows} 行の評価データがあれば判断できます。</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中</translation>
    </message>
    <message>
        <source>{first}</source>
        <translation>{first}</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>「{name}」</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>few evaluation rows</source>
        <translation>評価行が少ない</translation>
    </message>
    <message>
        <source>the comparison behind it could be chance</source>
        <translation>根拠となる比較が偶然の可能性がある</translation>
    </message>
    <message>
        <source>its premise is inferred, not yet measured</source>
        <translation>前提が推定で、まだ測定されていない</translation>
    </message>
    <message>
        <source>the other move is nearly as well supported</source>
        <translation>別の一手もほぼ同じくらい支持されている</translation>
    </message>
    <message>
        <source>the move repeats a step measured to make things worse</source>
        <translation>悪化が測定された手順を繰り返す一手である</translation>
    </message>
    <message>
        <source>many answers are unsure</source>
        <translation>判定保留の回答が多い</translation>
    </message>
    <message>
        <source>the server cut some prompts</source>
        <translation>サーバーが一部のプロンプトを切り詰めた</translation>
    </message>
    <message>
        <source>Confidence: {level} ({reasons}).</source>
        <translation>確信度: {level}（{reasons}）。</translation>
    </message>
    <message>
        <source>Confidence: {level}.</source>
        <translation>確信度: {level}。</translation>
    </message>
    <message>
        <source>The verdicts behind this advice are automatic: no answer has been reviewed by a person yet.</source>
        <translation>このアドバイスの根拠となる判定はすべて自動判定です。人によるレビューはまだ行われていません。</translation>
    </message>
    <message>
        <source>A person reviewed {count} answer: the automatic verdicts agreed on {agreed} ({share}, Cohen&apos;s kappa {kappa}).</source>
        <translation>人がレビューした回答は {count} 件で、自動判定と一致したのは {agreed} 件です（{share}、Cohen の κ {kappa}）。</translation>
    </message>
    <message>
        <source>A person reviewed {count} answers: the automatic verdicts agreed on {agreed} ({share}, Cohen&apos;s kappa {kappa}).</source>
        <translation>人がレビューした回答は {count} 件で、自動判定と一致したのは {agreed} 件です（{share}、Cohen の κ {kappa}）。</translation>
    </message>
    <message>
        <source>{unsure} answers of {run} are unsure and counted apart.</source>
        <translation>{run} の回答のうち {unsure} 件は判定保留で、別に数えています。</translation>
    </message>
    <message>
        <source>the run</source>
        <translation>この実行</translation>
    </message>
    <message>
        <source>Write clear, specific instructions: who answers, for whom, and what a good answer contains.</source>
        <translation>明確で具体的な指示を書く：誰が、誰に向けて答えるのか、良い回答には何が含まれるのか。</translation>
    </message>
    <message>
        <source>Split a complex task into simpler steps or prompts.</source>
        <translation>複雑なタスクは、より単純なステップやプロンプトに分割する。</translation>
    </message>
    <message>
        <source>Give the model time to think: ask it to reason step by step before answering.</source>
        <translation>モデルに考える時間を与える：答える前に段階的に推論するよう求める。</translation>
    </message>
    <message>
        <source>Add a few worked examples (few-shot).</source>
        <translation>解答例をいくつか加える（Few-shot）。</translation>
    </message>
    <message>
        <source>Spell out the output format exactly (fields, length, language) and show it.</source>
        <translation>出力形式（項目・長さ・言語）を正確に指定し、例を示す。</translation>
    </message>
    <message>
        <source>Tell the model to answer only from the retrieved passages.</source>
        <translation>取得したパッセージだけに基づいて答えるようモデルに指示する。</translation>
    </message>
    <message>
        <source>Ask it to cite the passage each fact comes from.</source>
        <translation>各事実の出典となるパッセージを引用させる。</translation>
    </message>
    <message>
        <source>Let it say the documents do not contain the answer instead of guessing.</source>
        <translation>推測せず、ドキュメントに答えがないと言えるようにする。</translation>
    </message>
    <message>
        <source>Put the passages before the question, clearly delimited.</source>
        <translation>パッセージは質問の前に、区切りを明確にして置く。</translation>
    </message>
    <message>
        <source>Add examples that answer from passages.</source>
        <translation>パッセージに基づいて答える例を加える。</translation>
    </message>
    <message>
        <source>Add the documents that hold the answers to the knowledge base.</source>
        <translation>答えを含むドキュメントをナレッジベースに追加する。</translation>
    </message>
    <message>
        <source>Check retrieval readiness: how often the answer is in the top passages.</source>
        <translation>検索の準備度を確認する：上位のパッセージに答えがどのくらいの頻度で含まれるか。</translation>
    </message>
    <message>
        <source>Choose how many passages to retrieve (top-k): enough to hold the answer, few enough to keep prompts short.</source>
        <translation>取得するパッセージ数（top-k）を決める：答えを含むのに十分で、プロンプトが長くなりすぎない数に。</translation>
    </message>
    <message>
        <source>Use hybrid search (keywords plus embeddings) so names, codes and numbers are found.</source>
        <translation>ハイブリッド検索（キーワード＋埋め込み）を使い、名前・コード・数値も見つかるようにする。</translation>
    </message>
    <message>
        <source>Instruct the model to answer from the passages and to say when they lack the answer.</source>
        <translation>パッセージに基づいて答え、答えがない場合はそう言うようモデルに指示する。</translation>
    </message>
    <message>
        <source>Run RAG on the same rows and compare it with the baseline.</source>
        <translation>同じ行で RAG を実行し、ベースラインと比較する。</translation>
    </message>
    <message>
        <source>Watch the token cost: passages add prompt tokens and latency.</source>
        <translation>トークンのコストに注意：パッセージはプロンプトのトークンとレイテンシを増やします。</translation>
    </message>
    <message>
        <source>Add a few worked examples (few-shot) from the examples pool ({pool} rows set aside).</source>
        <translation>例題プールから解答例をいくつか加える（Few-shot。{pool} 行を確保済み）。</translation>
    </message>
    <message>
        <source>First give the model a longer context window: the server read only {read} of the {sent} tokens of some prompts (Ollama: OLLAMA_CONTEXT_LENGTH or num_ctx; LM Studio: the model&apos;s context length), then run again before trusting the rest.</source>
        <translation>まずモデルのコンテキスト長を長くしてください。サーバーは一部のプロンプトで {sent} トークンのうち {read} トークンしか読んでいません（Ollama：OLLAMA_CONTEXT_LENGTH または num_ctx、LM Studio：モデルのコンテキスト長）。そのうえで、ほかの項目を信頼する前にもう一度実行してください。</translation>
    </message>
    <message>
        <source>First give the model a longer context window (the server cut some prompts), then run again.</source>
        <translation>まずモデルのコンテキスト長を長くしてから（サーバーが一部のプロンプトを切り詰めました）、もう一度実行してください。</translation>
    </message>
    <message>
        <source>Add examples that answer from passages ({pool} rows in the examples pool).</source>
        <translation>パッセージに基づいて答える例を加える（例題プールに {pool} 行あり）。</translation>
    </message>
    <message>
        <source>Check retrieval readiness: the answer is in the top passages for {share} of rows.</source>
        <translation>検索の準備度を確認する：上位のパッセージに答えがある行は {share} です。</translation>
    </message>
    <message>
        <source>Watch the token cost: {tokens} tokens per request against {reference_tokens} without it.</source>
        <translation>トークンのコストに注意：1 リクエストあたり {tokens} トークン（RAG なしでは {reference_tokens}）。</translation>
    </message>
    <message>
        <source>Add the documents missing for the {rows} rows whose passages lacked the answer.</source>
        <translation>パッセージに答えがなかった {rows} 行について、不足しているドキュメントを追加する。</translation>
    </message>
    <message>
        <source>Add the documents that are missing from the knowledge base.</source>
        <translation>ナレッジベースに不足しているドキュメントを追加する。</translation>
    </message>
    <message>
        <source>Experiment with chunk size and overlap.</source>
        <translation>チャンクサイズとオーバーラップを試す。</translation>
    </message>
    <message>
        <source>Re-rank the retrieved passages (for example with a cross-encoder).</source>
        <translation>取得したパッセージをリランキングする（例：クロスエンコーダー）。</translation>
    </message>
    <message>
        <source>Classify questions and route each kind to the right source.</source>
        <translation>質問を分類し、種類ごとに適切な情報源へ振り分ける。</translation>
    </message>
    <message>
        <source>Filter by metadata (product, date, document type).</source>
        <translation>メタデータ（製品・日付・文書の種類）で絞り込む。</translation>
    </message>
    <message>
        <source>Expand or rewrite the query before searching.</source>
        <translation>検索の前にクエリを拡張または書き換える。</translation>
    </message>
    <message>
        <source>Use a tool (for example SQL) for structured data such as price lists.</source>
        <translation>価格表のような構造化データにはツール（例：SQL）を使う。</translation>
    </message>
    <message>
        <source>Costly option: HyDE (search with a hypothetical answer).</source>
        <translation>コストのかかる方法：HyDE（仮の回答で検索する）。</translation>
    </message>
    <message>
        <source>Costly option: fine-tune the embedding model.</source>
        <translation>コストのかかる方法：埋め込みモデルをファインチューニングする。</translation>
    </message>
    <message>
        <source>Start with a small set of high-quality examples: quality beats quantity.</source>
        <translation>少数の高品質な例から始める：量より質です。</translation>
    </message>
    <message>
        <source>Build the training set from the examples pool: {pool} rows now; at least {minimum}, ideally {suggested} or more.</source>
        <translation>例題プールから学習セットを作る：現在 {pool} 行。最低 {minimum} 行、できれば {suggested} 行以上。</translation>
    </message>
    <message>
        <source>Compare token cost: a tuned model needs no long instructions or examples ({tokens} tokens per request now).</source>
        <translation>トークンのコストを比較する：チューニングしたモデルには長い指示や例が不要です（現在は 1 リクエストあたり {tokens} トークン）。</translation>
    </message>
    <message>
        <source>Keep improving retrieval: {rows} rows still lack the answer in their passages.</source>
        <translation>検索の改善を続ける：まだ {rows} 行のパッセージに答えがありません。</translation>
    </message>
    <message>
        <source>Run the same variant on a stronger model than {model} (a new variant with another model; it is drawn as a step of its own).</source>
        <translation>同じバリアントを {model} より強いモデルで実行してください（別のモデルを指定した新しいバリアント。独立した一歩として描かれます）。</translation>
    </message>
    <message>
        <source>Or fine-tune this model on answers that use their passages: {pool} rows in the examples pool; at least {minimum}, ideally {suggested} or more.</source>
        <translation>または、パッセージを使った回答でこのモデルをファインチューニングしてください。例プールは現在 {pool} 行。最低 {minimum} 行、できれば {suggested} 行以上。</translation>
    </message>
    <message>
        <source>Consider the cheaper variant: it passes {pass_rate} at {tokens} tokens per request instead of {reference_tokens}.</source>
        <translation>より安いバリアントを検討する：1 リクエストあたり {reference_tokens} トークンではなく {tokens} トークンで {pass_rate} に合格します。</translation>
    </message>
    <message>
        <source>Build the training set from the examples pool.</source>
        <translation>例題プールから学習セットを作る。</translation>
    </message>
    <message>
        <source>Check that every training example shows exactly the wanted behaviour: a tuned model copies the data, good or bad.</source>
        <translation>すべての学習例が望ましい振る舞いを正確に示しているか確認する：チューニングしたモデルは、良くも悪くもデータを真似ます。</translation>
    </message>
    <message>
        <source>Keep the evaluation rows out of the training data and measure the tuned model on them.</source>
        <translation>評価用の行を学習データに含めず、チューニングしたモデルをそれらの行で測定する。</translation>
    </message>
    <message>
        <source>Compare token cost: a tuned model needs no long instructions or examples.</source>
        <translation>トークンのコストを比較する：チューニングしたモデルには長い指示や例が不要です。</translation>
    </message>
    <message>
        <source>Train on examples that include the retrieved passages, so the model learns to use them.</source>
        <translation>取得したパッセージを含む例で学習させ、モデルがそれを使えるようにする。</translation>
    </message>
    <message>
        <source>Keep improving retrieval.</source>
        <translation>検索の改善を続ける。</translation>
    </message>
    <message>
        <source>Run the same variant on a stronger model (a new variant with another model).</source>
        <translation>同じバリアントをより強いモデルで実行してください（別のモデルを指定した新しいバリアント）。</translation>
    </message>
    <message>
        <source>Compare it on the same rows with the same checks, so the difference is the model&apos;s.</source>
        <translation>同じ行・同じチェックで比較し、差がモデルによるものだとわかるようにしてください。</translation>
    </message>
    <message>
        <source>Or fine-tune this model on answers that use their passages.</source>
        <translation>または、パッセージを使った回答でこのモデルをファインチューニングしてください。</translation>
    </message>
    <message>
        <source>Monitor answers in production and add new failures to the evaluation set.</source>
        <translation>本番の回答を監視し、新しい失敗を評価セットに追加する。</translation>
    </message>
    <message>
        <source>Keep this evaluation set as a regression test.</source>
        <translation>この評価セットを回帰テストとして残す。</translation>
    </message>
    <message>
        <source>Run it again whenever the model, prompt or documents change.</source>
        <translation>モデル・プロンプト・ドキュメントを変えるたびに、もう一度実行する。</translation>
    </message>
    <message>
        <source>Consider a cheaper variant that also meets the target.</source>
        <translation>目標を満たす、より安いバリアントを検討する。</translation>
    </message>
</context>
<context>
    <name>AdviceView</name>
    <message>
        <source>Recommended next step</source>
        <translation>推奨する次のステップ</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>根拠</translation>
    </message>
    <message>
        <source>Checklist for this step</source>
        <translation>このステップのチェックリスト</translation>
    </message>
    <message>
        <source>Try retrieval settings in the &amp;lab…</source>
        <translation>検索設定をラボで試す(&amp;L)…</translation>
    </message>
    <message>
        <source>Knowledge → Retrieval lab: chunk sizes, passages per question, keywords against meaning, measured offline</source>
        <translation>ナレッジ → 検索ラボ：チャンクサイズ、質問あたりのパッセージ数、キーワードと意味の比重をオフラインで測定します</translation>
    </message>
    <message>
        <source>What the latest run changed</source>
        <translation>最新の実行で変わったこと</translation>
    </message>
    <message>
        <source>Careful: the server cut the prompts of %1 to fit its context window, so this advice rests on answers that never saw all of their passages. Give the model a longer context window first.</source>
        <translation>注意：サーバーがコンテキスト長に収めるため %1 のプロンプトを切り詰めたので、このアドバイスはパッセージをすべては見ていない回答にもとづいています。まずモデルのコンテキスト長を長くしてください。</translation>
    </message>
    <message>
        <source>Failing rows of %1 by kind of gap:</source>
        <translation>%1 の不合格行（ギャップの種類別）：</translation>
    </message>
    <message>
        <source>(%1 rows got no answer; they are not gaps.)</source>
        <translation>（%1 行は回答が得られませんでした。ギャップには含めません。）</translation>
    </message>
    <message>
        <source>Fixed:</source>
        <translation>改善：</translation>
    </message>
    <message>
        <source>all %1</source>
        <translation>全 %1 行</translation>
    </message>
    <message>
        <source>Broken:</source>
        <translation>悪化：</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>show all %1 rows</source>
        <translation>全 %1 行を表示</translation>
    </message>
    <message>
        <source>(costly)</source>
        <translation>（コスト大）</translation>
    </message>
    <message>
        <source>(already done in a measured run)</source>
        <translation>（測定済みの実行で実施済み）</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>BatchesPanel</name>
    <message>
        <source>checking the file</source>
        <translation>ファイルを確認中</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>finishing</source>
        <translation>仕上げ中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>expired (finished part kept)</source>
        <translation>期限切れ(完了分は保存)</translation>
    </message>
    <message>
        <source>cancelling</source>
        <translation>キャンセル中</translation>
    </message>
    <message>
        <source>cancelled (finished part kept)</source>
        <translation>キャンセル済み(完了分は保存)</translation>
    </message>
    <message>
        <source>refused by the provider</source>
        <translation>プロバイダーが拒否</translation>
    </message>
    <message>
        <source>%1 batch sent.</source>
        <translation>%1 件のバッチを送信しました。</translation>
    </message>
    <message>
        <source>%1 batches sent.</source>
        <translation>%1 件のバッチを送信しました。</translation>
    </message>
    <message>
        <source>You can close the app; results are collected when you open the project again or press Refresh.</source>
        <translation>アプリを閉じてもかまいません。結果はプロジェクトを次に開いたとき、または「更新」を押したときに取り込まれます。</translation>
    </message>
    <message>
        <source>Results of %1 batch have arrived.</source>
        <translation>%1 件のバッチの結果が届きました。</translation>
    </message>
    <message>
        <source>Results of %1 batches have arrived.</source>
        <translation>%1 件のバッチの結果が届きました。</translation>
    </message>
    <message>
        <source>%1 answer stored.</source>
        <translation>%1 件の回答を保存しました。</translation>
    </message>
    <message>
        <source>%1 answers stored.</source>
        <translation>%1 件の回答を保存しました。</translation>
    </message>
    <message>
        <source>Ended / due</source>
        <translation>終了 / 予定</translation>
    </message>
    <message>
        <source>%1 row got no answer; run again to ask it.</source>
        <translation>%1 行は回答がありませんでした。もう一度実行すると問い合わせます。</translation>
    </message>
    <message>
        <source>being sent (checked on Refresh)</source>
        <translation>送信中(「更新」で確認)</translation>
    </message>
    <message>
        <source>%1 rows got no answer; run again to ask them.</source>
        <translation>%1 行は回答がありませんでした。もう一度実行すると問い合わせます。</translation>
    </message>
    <message>
        <source>Some batches were sent through another connection; switch back to it to collect them.</source>
        <translation>別の接続で送信したバッチがあります。取り込むにはその接続に戻してください。</translation>
    </message>
    <message>
        <source>Still running at the provider. Results are due within 24 hours of sending.</source>
        <translation>プロバイダーで処理中です。結果は送信から 24 時間以内に届きます。</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信日時</translation>
    </message>
    <message>
        <source>Batches sent to the provider</source>
        <translation>プロバイダーに送信したバッチ</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>更新(&amp;F)</translation>
    </message>
    <message>
        <source>Ask the provider now and store the results that have arrived</source>
        <translation>今すぐプロバイダーに問い合わせ、届いた結果を保存します</translation>
    </message>
    <message>
        <source>Cancel &amp;batch</source>
        <translation>バッチをキャンセル(&amp;B)</translation>
    </message>
    <message>
        <source>Stop the chosen batch; what it finished is kept</source>
        <translation>選んだバッチを止めます。完了した分は保存されます</translation>
    </message>
    <message>
        <source>Asking the provider…</source>
        <translation>プロバイダーに問い合わせ中…</translation>
    </message>
    <message>
        <source>Sending batch %1 of %2…</source>
        <translation>バッチ %2 件中 %1 件目を送信中…</translation>
    </message>
    <message>
        <source>Storing the results of %1: %2 of %3 rows…</source>
        <translation>%1 の結果を保存中: %3 行中 %2 行…</translation>
    </message>
</context>
<context>
    <name>CheckEditorDialog</name>
    <message>
        <source>Edit check</source>
        <translation>チェックの編集</translation>
    </message>
    <message>
        <source>Add a check</source>
        <translation>チェックの追加</translation>
    </message>
    <message>
        <source>Only answers the other checks cannot decide</source>
        <translation>ほかのチェックで判定できない回答のみ</translation>
    </message>
    <message>
        <source>Every answer (its verdict replaces the others&apos;)</source>
        <translation>すべての回答（ほかのチェックの判定を置き換えます）</translation>
    </message>
    <message>
        <source>the model under test</source>
        <translation>評価対象のモデル</translation>
    </message>
    <message>
        <source>A stronger model than the one under test judges better, e.g. gpt-4o for a gpt-4o-mini feature. It is asked through the project&apos;s connection.</source>
        <translation>評価対象より高性能なモデルのほうが正確に判定できます（例：gpt-4o-mini の機能なら gpt-4o）。プロジェクトの接続を使って問い合わせます。</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>しきい値(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Ask it about:</source>
        <translation>判定の対象(&amp;A):</translation>
    </message>
    <message>
        <source>Judge &amp;model:</source>
        <translation>判定モデル(&amp;M):</translation>
    </message>
</context>
<context>
    <name>CheckErrors</name>
    <message>
        <source>The checks list in project.json is damaged.</source>
        <translation>project.json のチェック一覧が壊れています。</translation>
    </message>
    <message>
        <source>Remove the &quot;checks&quot; entry from project.json to start from the defaults.</source>
        <translation>project.json から &quot;checks&quot; の項目を削除すると、既定のチェックからやり直せます。</translation>
    </message>
    <message>
        <source>Two checks share an id.</source>
        <translation>2 つのチェックが同じ ID を使っています。</translation>
    </message>
    <message>
        <source>Remove one of them and add it again.</source>
        <translation>どちらかを削除して、追加し直してください。</translation>
    </message>
    <message>
        <source>No check with id “{id}”.</source>
        <translation>ID が「{id}」のチェックはありません。</translation>
    </message>
    <message>
        <source>Known check ids: {ids}.</source>
        <translation>登録済みのチェック ID: {ids}。</translation>
    </message>
    <message>
        <source>This project has no checks yet.</source>
        <translation>このプロジェクトにはまだチェックがありません。</translation>
    </message>
    <message>
        <source>A stored check is unreadable (no kind).</source>
        <translation>保存されているチェックを読み取れません（種類がありません）。</translation>
    </message>
    <message>
        <source>Remove it from the checks list in project.json, or re-add the check.</source>
        <translation>project.json のチェック一覧から削除するか、チェックを追加し直してください。</translation>
    </message>
    <message>
        <source>Unknown check kind: “{name}”.</source>
        <translation>チェックの種類「{name}」は不明です。</translation>
    </message>
    <message>
        <source>Use one of: {kinds}.</source>
        <translation>次のいずれかを使ってください: {kinds}。</translation>
    </message>
    <message>
        <source>The {label} check belongs to the {family} family, not “{given}”.</source>
        <translation>{label} チェックは「{given}」ではなく {family} の系統に属します。</translation>
    </message>
    <message>
        <source>Set its family to “{family}” or remove the family field.</source>
        <translation>系統（family）を「{family}」にするか、family の項目を削除してください。</translation>
    </message>
    <message>
        <source>Check id “{id}” is not usable.</source>
        <translation>チェック ID「{id}」は使えません。</translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;:&apos; (at most 64 characters).</source>
        <translation>英字、数字、&apos;-&apos;、&apos;_&apos;、&apos;:&apos; を使ってください（64 文字まで）。</translation>
    </message>
    <message>
        <source>The {label} check has unknown settings: {settings}.</source>
        <translation>{label} チェックに不明な設定があります: {settings}。</translation>
    </message>
    <message>
        <source>Remove them; known settings are threshold, allow_fence, mode and model.</source>
        <translation>それらを削除してください。使える設定は threshold、allow_fence、mode、model です。</translation>
    </message>
    <message>
        <source>The {label} check takes no value (got “{value}”).</source>
        <translation>{label} チェックは値を取りません（「{value}」が指定されています）。</translation>
    </message>
    <message>
        <source>Leave the value out.</source>
        <translation>値は指定しないでください。</translation>
    </message>
    <message>
        <source>The {label} check needs a value.</source>
        <translation>{label} チェックには値が必要です。</translation>
    </message>
    <message>
        <source>The {label} phrase “{value}” has no letters or digits to look for.</source>
        <translation>{label} の語句「{value}」には、探す文字や数字がありません。</translation>
    </message>
    <message>
        <source>Give a word or phrase; punctuation and spacing are ignored when comparing.</source>
        <translation>単語か語句を指定してください。比較では句読点や空白は無視されます。</translation>
    </message>
    <message>
        <source>Give the phrase or rubric text as the value.</source>
        <translation>値として語句か評価基準（ルーブリック）の文を指定してください。</translation>
    </message>
    <message>
        <source>Give a regular expression, e.g. &apos;^\d{3}-\d{4}$&apos;.</source>
        <translation>正規表現を指定してください（例: &apos;^\d{3}-\d{4}$&apos;）。</translation>
    </message>
    <message>
        <source>Give a JSON Schema as JSON text, e.g. &apos;{&quot;type&quot;: &quot;object&quot;, &quot;required&quot;: [&quot;answer&quot;]}&apos;.</source>
        <translation>JSON Schema を JSON テキストで指定してください（例: &apos;{&quot;type&quot;: &quot;object&quot;, &quot;required&quot;: [&quot;answer&quot;]}&apos;）。</translation>
    </message>
    <message>
        <source>Give a whole number of characters, e.g. 300.</source>
        <translation>文字数を整数で指定してください（例: 300）。</translation>
    </message>
    <message>
        <source>Give a language code: {codes}.</source>
        <translation>言語コードを指定してください: {codes}。</translation>
    </message>
    <message>
        <source>The {label} check has no {settings} setting.</source>
        <translation>{label} チェックには {settings} の設定はありません。</translation>
    </message>
    <message>
        <source>Mode and model are settings of the judge check only.</source>
        <translation>mode と model は judge チェックだけの設定です。</translation>
    </message>
    <message>
        <source>Judge mode “{mode}” is not known.</source>
        <translation>判定モード「{mode}」は不明です。</translation>
    </message>
    <message>
        <source>Use &apos;unsure&apos; (the judge decides the rows text alone cannot) or &apos;all&apos; (every row).</source>
        <translation>&apos;unsure&apos;（文字列の比較だけでは決められない行を判定モデルが決める）か &apos;all&apos;（すべての行）を使ってください。</translation>
    </message>
    <message>
        <source>Judge model “{model}” is not a model name.</source>
        <translation>判定モデル「{model}」はモデル名になっていません。</translation>
    </message>
    <message>
        <source>Give the model&apos;s name, e.g. gpt-4o.</source>
        <translation>モデル名を指定してください（例: gpt-4o）。</translation>
    </message>
    <message>
        <source>The {label} check has no threshold.</source>
        <translation>{label} チェックにはしきい値がありません。</translation>
    </message>
    <message>
        <source>Thresholds apply to token-f1 and semantic checks only.</source>
        <translation>しきい値を使えるのは token-f1 と semantic のチェックだけです。</translation>
    </message>
    <message>
        <source>Threshold “{value}” for the {label} check is not a number between 0 and 1.</source>
        <translation>{label} チェックのしきい値「{value}」が 0 から 1 の間の数値になっていません。</translation>
    </message>
    <message>
        <source>Use e.g. 0.5.</source>
        <translation>例えば 0.5 を使ってください。</translation>
    </message>
    <message>
        <source>The regular expression “{pattern}” is invalid: {problem}.</source>
        <translation>正規表現「{pattern}」が正しくありません: {problem}。</translation>
    </message>
    <message>
        <source>Fix the pattern; escape special characters such as ( ) [ ] . * + ? with a backslash.</source>
        <translation>パターンを直してください。( ) [ ] . * + ? などの特殊文字はバックスラッシュでエスケープします。</translation>
    </message>
    <message>
        <source>The JSON schema is not valid JSON ({problem} at line {line}, column {column}).</source>
        <translation>JSON スキーマが正しい JSON になっていません（{line} 行目 {column} 列: {problem}）。</translation>
    </message>
    <message>
        <source>Check quotes and brackets; a schema looks like {&quot;type&quot;: &quot;object&quot;}.</source>
        <translation>引用符と括弧を確認してください。スキーマは {&quot;type&quot;: &quot;object&quot;} のような形です。</translation>
    </message>
    <message>
        <source>The JSON schema must be a JSON object.</source>
        <translation>JSON スキーマは JSON オブジェクトでなければなりません。</translation>
    </message>
    <message>
        <source>A schema looks like {&quot;type&quot;: &quot;object&quot;, &quot;required&quot;: [&quot;answer&quot;]}.</source>
        <translation>スキーマは {&quot;type&quot;: &quot;object&quot;, &quot;required&quot;: [&quot;answer&quot;]} のような形です。</translation>
    </message>
    <message>
        <source>top level</source>
        <translation>最上位</translation>
    </message>
    <message>
        <source>The JSON schema is invalid at {where}: {problem}.</source>
        <translation>JSON スキーマの {where} が正しくありません: {problem}。</translation>
    </message>
    <message>
        <source>Fix the schema; see json-schema.org for the keywords.</source>
        <translation>スキーマを直してください。キーワードは json-schema.org を参照してください。</translation>
    </message>
    <message>
        <source>The {label} check needs a whole number of characters, not “{value}”.</source>
        <translation>{label} チェックには文字数を整数で指定してください（「{value}」は使えません）。</translation>
    </message>
    <message>
        <source>Give a number such as 300.</source>
        <translation>300 のような数値を指定してください。</translation>
    </message>
    <message>
        <source>Language “{value}” cannot be checked.</source>
        <translation>言語「{value}」はチェックできません。</translation>
    </message>
    <message>
        <source>Supported: ja (Japanese), zh (Chinese), ko (Korean), en (English or another Latin-script language).</source>
        <translation>対応している言語: ja（日本語）、zh（中国語）、ko（韓国語）、en（英語またはその他のラテン文字の言語）。</translation>
    </message>
</context>
<context>
    <name>CheckReasons</name>
    <message>
        <source>The answer declines or says it does not know.</source>
        <translation>回答は答えることを断っているか、わからないと言っています。</translation>
    </message>
    <message>
        <source>The answer says yes where the expected answer says no, or the other way round.</source>
        <translation>期待される答えが「いいえ」のところ回答は「はい」と言っています（またはその逆）。</translation>
    </message>
    <message>
        <source>The answer gives no number or amount at all where a number is expected.</source>
        <translation>数値が期待されるのに、回答には数値や量がまったくありません。</translation>
    </message>
    <message>
        <source>The answer gives no number in the unit of the expected answer; text alone cannot tell whether it says the same.</source>
        <translation>回答には期待される答えの単位での数値がありません。同じ内容かどうかはテキストだけでは判断できません。</translation>
    </message>
    <message>
        <source>The answer gives the expected date ({date}).</source>
        <translation>回答は期待される日付（{date}）を示しています。</translation>
    </message>
    <message>
        <source>The answer mentions the expected date but denies it or offers it as one of several.</source>
        <translation>回答は期待される日付に触れていますが、否定しているか、候補の一つとして挙げているだけです。</translation>
    </message>
    <message>
        <source>The answer gives another date ({got}) than the expected {want}.</source>
        <translation>回答は期待される {want} とは別の日付（{got}）を示しています。</translation>
    </message>
    <message>
        <source>The answer gives another year or month than the expected {want}.</source>
        <translation>回答は期待される {want} とは別の年または月を示しています。</translation>
    </message>
    <message>
        <source>The answer gives the month or year of the expected date but not the day.</source>
        <translation>回答は期待される日付の年または月を示していますが、日がありません。</translation>
    </message>
    <message>
        <source>The answer gives no date; text alone cannot tell whether it says the same.</source>
        <translation>回答に日付がありません。同じ内容かどうかはテキストだけでは判断できません。</translation>
    </message>
    <message>
        <source>The answer gives {got}, not the expected {want}.</source>
        <translation>回答は期待される {want} ではなく {got} を示しています。</translation>
    </message>
    <message>
        <source>The answer says it is free; the expected answer is {want}.</source>
        <translation>回答は無料だと言っていますが、期待される回答は {want} です。</translation>
    </message>
    <message>
        <source>The answer denies {want}.</source>
        <translation>回答は {want} を否定しています。</translation>
    </message>
    <message>
        <source>The answer offers {want} as one of several candidates.</source>
        <translation>回答は {want} を複数の候補の一つとして挙げているだけです。</translation>
    </message>
    <message>
        <source>The answer gives {got} for what was asked, not the expected {want}.</source>
        <translation>回答は問われた内容について、期待される {want} ではなく {got} を示しています。</translation>
    </message>
    <message>
        <source>The answer gives the expected {values}.</source>
        <translation>回答は期待される {values} を示しています。</translation>
    </message>
    <message>
        <source>The answer gives the expected amount in other units ({got}).</source>
        <translation>回答は期待される量を別の単位（{got}）で示しています。</translation>
    </message>
    <message>
        <source>The answer gives the expected amount but denies it or offers it as one of several.</source>
        <translation>回答は期待される量を示していますが、否定しているか、候補の一つとして挙げているだけです。</translation>
    </message>
    <message>
        <source>The answer states the expected answer.</source>
        <translation>回答は期待される答えを述べています。</translation>
    </message>
    <message>
        <source>The answer denies the expected answer.</source>
        <translation>回答は期待される答えを否定しています。</translation>
    </message>
    <message>
        <source>The answer offers the expected answer as one of several candidates.</source>
        <translation>回答は期待される答えを複数の候補の一つとして挙げているだけです。</translation>
    </message>
    <message>
        <source>The answer states the expected answer (spaced or punctuated differently).</source>
        <translation>回答は期待される答えを述べています（空白や句読点の違いのみ）。</translation>
    </message>
    <message>
        <source>The expected answer has no words to look for.</source>
        <translation>期待される答えに探すべき語がありません。</translation>
    </message>
    <message>
        <source>The answer gives another code or model number than the expected one.</source>
        <translation>回答は期待されるものとは別のコードや型番を示しています。</translation>
    </message>
    <message>
        <source>The answer holds every word of the expected answer.</source>
        <translation>回答は期待される答えの語をすべて含んでいます。</translation>
    </message>
    <message>
        <source>The answer says something else: it shares no word with the expected answer.</source>
        <translation>回答は別のことを述べています。期待される答えと共通する語がありません。</translation>
    </message>
    <message>
        <source>The answer shares {found} of {total} words with the expected answer; text alone cannot tell whether it says the same.</source>
        <translation>回答は期待される答えの {total} 語のうち {found} 語を含んでいます。同じ内容かどうかはテキストだけでは判断できません。</translation>
    </message>
    <message>
        <source>The answer is the expected answer.</source>
        <translation>回答は期待される答えと同じです。</translation>
    </message>
    <message>
        <source>The answer is not the expected label.</source>
        <translation>回答は期待されるラベルではありません。</translation>
    </message>
    <message>
        <source>The answer gives every value of the expected answer.</source>
        <translation>回答は期待される答えの値をすべて示しています。</translation>
    </message>
    <message>
        <source>The answer has {overlap}% word overlap with the expected answer (needs {needed}%).</source>
        <translation>回答と期待される答えの語の重なりは {overlap}% です（必要: {needed}%）。</translation>
    </message>
    <message>
        <source>The answer has only {overlap}% word overlap with the expected answer (needs {needed}%); text alone cannot tell whether it says the same.</source>
        <translation>回答と期待される答えの語の重なりは {overlap}% しかありません（必要: {needed}%）。同じ内容かどうかはテキストだけでは判断できません。</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Same answer (normalized)</source>
        <translation>同じ回答（正規化）</translation>
    </message>
    <message>
        <source>Word overlap (token F1)</source>
        <translation>単語の重なり（トークン F1）</translation>
    </message>
    <message>
        <source>Contains the expected answer</source>
        <translation>正解を含む</translation>
    </message>
    <message>
        <source>Similar meaning (embeddings)</source>
        <translation>意味が近い（埋め込み）</translation>
    </message>
    <message>
        <source>Matches a pattern (regex)</source>
        <translation>パターンに一致（正規表現）</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>有効な JSON</translation>
    </message>
    <message>
        <source>Follows a JSON schema</source>
        <translation>JSON スキーマに従う</translation>
    </message>
    <message>
        <source>At most N characters</source>
        <translation>最大 N 文字</translation>
    </message>
    <message>
        <source>At least N characters</source>
        <translation>最小 N 文字</translation>
    </message>
    <message>
        <source>Must include a phrase</source>
        <translation>指定の語句を含む</translation>
    </message>
    <message>
        <source>Must not include a phrase</source>
        <translation>指定の語句を含まない</translation>
    </message>
    <message>
        <source>Written in a language</source>
        <translation>指定の言語で書かれている</translation>
    </message>
    <message>
        <source>LLM-judged rubric</source>
        <translation>LLM によるルーブリック評価</translation>
    </message>
    <message>
        <source>Passes when the output equals the expected answer, ignoring case, width, spacing and punctuation. Good for labels.</source>
        <translation>大文字・小文字、全角・半角、空白、句読点の違いを無視して、出力が正解と一致すれば合格です。ラベルに適しています。</translation>
    </message>
    <message>
        <source>Scores the words the output shares with the expected answer; passes at the threshold. Good for longer answers.</source>
        <translation>出力と正解で共通する単語を採点し、しきい値以上で合格です。長めの回答に適しています。</translation>
    </message>
    <message>
        <source>Passes when the expected answer appears inside the output. Good for short facts wrapped in a sentence.</source>
        <translation>出力の中に正解が含まれていれば合格です。文の中に短い事実が入る回答に適しています。</translation>
    </message>
    <message>
        <source>Compares meanings with the connection&apos;s embedding model; passes at the threshold. Needs a model connection.</source>
        <translation>接続の埋め込みモデルで意味を比較し、しきい値以上で合格です。モデルへの接続が必要です。</translation>
    </message>
    <message>
        <source>Judge model for what text cannot decide</source>
        <translation>テキストで判定できない回答の判定モデル</translation>
    </message>
    <message>
        <source>Answer in the passages</source>
        <translation>パッセージに答えがある</translation>
    </message>
    <message>
        <source>Useful passages ranked first</source>
        <translation>役立つパッセージが上位にある</translation>
    </message>
    <message>
        <source>Answer backed by the passages</source>
        <translation>回答がパッセージに裏づけられている</translation>
    </message>
    <message>
        <source>Your review</source>
        <translation>あなたのレビュー</translation>
    </message>
    <message>
        <source>A model compares the answer with the expected one and grades its facts (same, more, fewer, contradicting), by default only where the other content checks cannot decide, such as a paraphrase. Its verdict replaces theirs. Needs a model connection; a stronger model than the one under test is recommended.</source>
        <translation>モデルが回答を期待される回答と比べ、事実の内容（同じ・多い・少ない・矛盾）を判定します。既定では、言い換えのようにほかの内容チェックで判定できない場合だけ使い、その判定がほかのチェックの判定に代わります。モデルへの接続が必要です。評価対象より高性能なモデルをおすすめします。</translation>
    </message>
    <message>
        <source>Passes when the regular expression is found in the output.</source>
        <translation>出力の中に正規表現が見つかれば合格です。</translation>
    </message>
    <message>
        <source>Passes when the whole output is valid JSON (a ``` code fence around it fails).</source>
        <translation>出力全体が有効な JSON であれば合格です（``` のコードブロックで囲まれていると不合格）。</translation>
    </message>
    <message>
        <source>Passes when the output is JSON that follows the schema.</source>
        <translation>出力がスキーマに従う JSON であれば合格です。</translation>
    </message>
    <message>
        <source>Passes when the output has at most this many characters.</source>
        <translation>出力がこの文字数以下であれば合格です。</translation>
    </message>
    <message>
        <source>Passes when the output has at least this many characters.</source>
        <translation>出力がこの文字数以上であれば合格です。</translation>
    </message>
    <message>
        <source>Passes when the phrase appears in the output (case and width ignored).</source>
        <translation>出力にこの語句が含まれていれば合格です（大文字・小文字、全角・半角は区別しません）。</translation>
    </message>
    <message>
        <source>Fails when the phrase appears in the output (case and width ignored).</source>
        <translation>出力にこの語句が含まれていると不合格です（大文字・小文字、全角・半角は区別しません）。</translation>
    </message>
    <message>
        <source>Passes when the output is written in the language.</source>
        <translation>出力がこの言語で書かれていれば合格です。</translation>
    </message>
    <message>
        <source>A model grades the output against your rubric, e.g. &quot;polite, cites the manual&quot;. Needs a model connection.</source>
        <translation>モデルがルーブリック（例：「丁寧で、マニュアルを引用している」）に照らして出力を採点します。モデルへの接続が必要です。</translation>
    </message>
    <message>
        <source>Content: does it carry the right facts?</source>
        <translation>内容：正しい事実を含んでいるか</translation>
    </message>
    <message>
        <source>Behaviour: does it act right?</source>
        <translation>振る舞い：正しく振る舞っているか</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>パターン(&amp;P):</translation>
    </message>
    <message>
        <source>JSON &amp;schema:</source>
        <translation>JSON スキーマ(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Characters:</source>
        <translation>文字数(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Rubric:</source>
        <translation>ルーブリック(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Phrase:</source>
        <translation>語句(&amp;P):</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中国語</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韓国語</translation>
    </message>
    <message>
        <source>English (or another Latin-script language)</source>
        <translation>英語（またはその他のラテン文字の言語）</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>しきい値 %1</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>最大 %1 文字</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>最小 %1 文字</translation>
    </message>
    <message>
        <source>every answer</source>
        <translation>すべての回答</translation>
    </message>
    <message>
        <source>undecided answers</source>
        <translation>判定保留の回答</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1（%2 で判定）</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>判定保留</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Same as the expected answer.</source>
        <translation>正解と同じです。</translation>
    </message>
    <message>
        <source>Differs from the expected answer.</source>
        <translation>正解と異なります。</translation>
    </message>
    <message>
        <source>The expected answer is in the output.</source>
        <translation>出力に正解が含まれています。</translation>
    </message>
    <message>
        <source>There is no output.</source>
        <translation>出力がありません。</translation>
    </message>
    <message>
        <source>The pattern is found.</source>
        <translation>パターンが見つかりました。</translation>
    </message>
    <message>
        <source>The pattern is not found.</source>
        <translation>パターンが見つかりません。</translation>
    </message>
    <message>
        <source>Valid JSON.</source>
        <translation>有効な JSON です。</translation>
    </message>
    <message>
        <source>JSON inside a ``` code fence: a program reading the answer would fail.</source>
        <translation>``` のコードブロック内の JSON です。回答を読み取るプログラムは失敗します。</translation>
    </message>
    <message>
        <source>Follows the schema.</source>
        <translation>スキーマに従っています。</translation>
    </message>
    <message>
        <source>The phrase is there.</source>
        <translation>語句が含まれています。</translation>
    </message>
    <message>
        <source>The phrase is not there.</source>
        <translation>語句が含まれていません。</translation>
    </message>
    <message>
        <source>No letters to tell the language by.</source>
        <translation>言語を判定できる文字がありません。</translation>
    </message>
    <message>
        <source>The judge&apos;s reply could not be read.</source>
        <translation>ジャッジの返答を読み取れませんでした。</translation>
    </message>
    <message>
        <source>The retrieved passages hold the whole expected answer.</source>
        <translation>取得したパッセージに期待される答えがすべて含まれています。</translation>
    </message>
    <message>
        <source>Nothing was retrieved.</source>
        <translation>何も取得されませんでした。</translation>
    </message>
    <message>
        <source>Rated by the judge model.</source>
        <translation>判定モデルが評価しました。</translation>
    </message>
    <message>
        <source>The expected answer is not in the output (%1% of its words are).</source>
        <translation>出力に正解が含まれていません（正解の単語の %1% が含まれています）。</translation>
    </message>
    <message>
        <source>Word overlap %1 (needs %2).</source>
        <translation>単語の重なり %1（必要 %2）。</translation>
    </message>
    <message>
        <source>Similarity %1 (needs %2).</source>
        <translation>類似度 %1（必要 %2）。</translation>
    </message>
    <message>
        <source>%1 characters (limit %2).</source>
        <translation>%1 文字（上限 %2）。</translation>
    </message>
    <message>
        <source>Not valid JSON (line %1, column %2).</source>
        <translation>有効な JSON ではありません（%1 行目、%2 列目）。</translation>
    </message>
    <message>
        <source>Does not follow the schema at %1 (%2).</source>
        <translation>%1 でスキーマに従っていません（%2）。</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>不足：%1</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>検出：%1</translation>
    </message>
    <message>
        <source>Written in %1, not %2.</source>
        <translation>%2 ではなく %1 で書かれています。</translation>
    </message>
    <message>
        <source>Written in %1.</source>
        <translation>%1 で書かれています。</translation>
    </message>
    <message>
        <source>The model call failed (%1).</source>
        <translation>モデルの呼び出しに失敗しました（%1）。</translation>
    </message>
    <message>
        <source>The retrieved passages hold %1% of the expected answer.</source>
        <translation>取得したパッセージには期待される答えの %1% が含まれています。</translation>
    </message>
    <message>
        <source>%1 of the %2 retrieved passages hold the answer.</source>
        <translation>取得した %2 件のパッセージのうち %1 件に答えがあります。</translation>
    </message>
    <message>
        <source>%1 of the answer&apos;s %2 statements are backed by the passages.</source>
        <translation>回答の %2 文のうち %1 文がパッセージに裏づけられています。</translation>
    </message>
    <message>
        <source>Judge: %1</source>
        <translation>ジャッジ：%1</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <source>Checks</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>What a good answer is. Content checks ask whether the answer carries the right facts (work on context: RAG); behaviour checks ask whether it acts right (work on the prompt or fine-tuning). Untick a check to leave it out; double-click to edit it.</source>
        <translation>良い回答とは何かを決めます。内容チェックは回答が正しい事実を含むかを見ます（対策はコンテキスト：RAG）。振る舞いチェックは正しく振る舞うかを見ます（対策はプロンプトまたはファインチューニング）。オフにしたチェックは除外されます。ダブルクリックで編集できます。</translation>
    </message>
    <message>
        <source>&amp;Add check…</source>
        <translation>チェックを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <source>Check with the mo&amp;del</source>
        <translation>モデルでチェック(&amp;D)</translation>
    </message>
    <message>
        <source>Try them on a sample: the verdicts above update as you type.</source>
        <translation>サンプルで試せます：入力に合わせて上の判定が更新されます。</translation>
    </message>
    <message>
        <source>(suggested): suggested from your data, chosen from its expected answers. Runs use them as they are until you change them.</source>
        <translation>（提案）：データの正解から選んだ提案です。変更するまで、実行ではそのまま使われます。</translation>
    </message>
    <message>
        <source>Import an evaluation set under Data to try checks.</source>
        <translation>チェックを試すには、データで評価セットをインポートしてください。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Unticked: runs leave it out.</source>
        <translation>オフ：実行では除外されます。</translation>
    </message>
    <message>
        <source>needs a model</source>
        <translation>モデルが必要</translation>
    </message>
    <message>
        <source>Needs a model connection: set one up under Connection.</source>
        <translation>モデルへの接続が必要です。接続で設定してください。</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>不要</translation>
    </message>
    <message>
        <source>The other content checks decided this answer; the judge is asked only about answers they cannot decide.</source>
        <translation>ほかの内容チェックでこの回答は判定済みです。判定モデルには、判定できない回答だけを問い合わせます。</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>未実施</translation>
    </message>
    <message>
        <source>Press Check with the model to try it.</source>
        <translation>「モデルでチェック」を押すと試せます。</translation>
    </message>
    <message>
        <source>This row has no expected answer to compare with.</source>
        <translation>この行には比較する正解がありません。</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>問い合わせ中…</translation>
    </message>
    <message>
        <source>The model could not be reached for these checks.</source>
        <translation>これらのチェックのためにモデルに接続できませんでした。</translation>
    </message>
    <message>
        <source>Check the connection under Connection (key, address, model).</source>
        <translation>接続の設定（キー、アドレス、モデル）を確認してください。</translation>
    </message>
    <message>
        <source>Model-judged checks are not tried as you type (each try is a paid call).</source>
        <translation>モデルが判定するチェックは、入力中には試しません（1 回ごとに有料の呼び出しになるため）。</translation>
    </message>
    <message>
        <source>Model-judged checks need a connection; offline runs leave them out.</source>
        <translation>モデルが判定するチェックには接続が必要です。オフラインの実行では除外されます。</translation>
    </message>
</context>
<context>
    <name>ChecksTree</name>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>On the sample</source>
        <translation>サンプルでの結果</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>(none yet: add one)</source>
        <translation>（まだありません：追加してください）</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1（提案）</translation>
    </message>
    <message>
        <source>Check id: %1</source>
        <translation>チェック ID：%1</translation>
    </message>
    <message>
        <source>Suggested from your data. %1</source>
        <translation>データからの提案です。%1</translation>
    </message>
</context>
<context>
    <name>ConnectionErrors</name>
    <message>
        <source>This project is offline: no model calls are made.</source>
        <translation>このプロジェクトはオフラインです。モデルは呼び出しません。</translation>
    </message>
    <message>
        <source>Choose OpenAI, Azure OpenAI or a local server under Connection to run models.</source>
        <translation>モデルを実行するには、接続で OpenAI、Azure OpenAI、またはローカルサーバーを選んでください。</translation>
    </message>
    <message>
        <source>The server at {url} did not answer in time.</source>
        <translation>{url} のサーバーが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>Check the server is running; raise the timeout for slow local models.</source>
        <translation>サーバーが動いているか確認してください。遅いローカルモデルではタイムアウトを長くしてください。</translation>
    </message>
    <message>
        <source>The server is not reachable at {url}.</source>
        <translation>{url} のサーバーに接続できません。</translation>
    </message>
    <message>
        <source>Check the address and port, your network or proxy, and that the server is running.</source>
        <translation>アドレスとポート、ネットワークやプロキシ、サーバーが動いているかを確認してください。</translation>
    </message>
    <message>
        <source>The server rejected the API key.</source>
        <translation>サーバーが API キーを拒否しました。</translation>
    </message>
    <message>
        <source>Check the key is current and belongs to this server or Azure resource.</source>
        <translation>キーが有効で、このサーバーまたは Azure リソースのものか確認してください。</translation>
    </message>
    <message>
        <source>The model &apos;{model}&apos; was not found on the server.</source>
        <translation>モデル「{model}」がサーバーに見つかりませんでした。</translation>
    </message>
    <message>
        <source>Pick a model from the server&apos;s list (models command) or check the deployment name.</source>
        <translation>サーバーの一覧（models コマンド）からモデルを選ぶか、デプロイ名を確認してください。</translation>
    </message>
    <message>
        <source>The account has no quota or credit left for this model (the provider said insufficient quota, or a billing limit).</source>
        <translation>このモデルに使えるクォータまたはクレジットがアカウントに残っていません（プロバイダーの応答: クォータ不足、または請求の上限）。</translation>
    </message>
    <message>
        <source>Add credit or raise the limit in the provider&apos;s billing settings, then run again: the rows not sent yet are still to do.</source>
        <translation>プロバイダーの請求設定でクレジットを追加するか上限を上げてから、もう一度実行してください。まだ送っていない行は残っています。</translation>
    </message>
    <message>
        <source>The server at {url} answered with an error.</source>
        <translation>{url} のサーバーがエラーを返しました。</translation>
    </message>
    <message>
        <source>Try again later; if it persists, check the server&apos;s status or your quota.</source>
        <translation>しばらくしてからもう一度試してください。続く場合は、サーバーの状態やクォータを確認してください。</translation>
    </message>
    <message>
        <source>No embedding model is set for this connection.</source>
        <translation>この接続には埋め込みモデルが設定されていません。</translation>
    </message>
    <message>
        <source>Choose one under Connection (e.g. text-embedding-3-small, or nomic-embed-text locally).</source>
        <translation>接続で選んでください（例: text-embedding-3-small、ローカルなら nomic-embed-text）。</translation>
    </message>
    <message>
        <source>server URL</source>
        <translation>サーバー URL</translation>
    </message>
    <message>
        <source>Azure OpenAI endpoint</source>
        <translation>Azure OpenAI エンドポイント</translation>
    </message>
    <message>
        <source>The {what} &apos;{url}&apos; is not a valid address ({problem}).</source>
        <translation>{what}「{url}」は正しいアドレスではありません（{problem}）。</translation>
    </message>
    <message>
        <source>Enter it like {example} or https://api.openai.com/v1 (IPv6 hosts in brackets: http://[::1]:11434/v1).</source>
        <translation>{example} や https://api.openai.com/v1 のように入力してください（IPv6 のホストは角かっこで: http://[::1]:11434/v1）。</translation>
    </message>
    <message>
        <source>The {what} holds a password or a key ({where}), and keys are never saved in the project.</source>
        <translation>{what}にパスワードかキーが含まれています（{where}）。キーはプロジェクトに保存しません。</translation>
    </message>
    <message>
        <source>Enter the address alone; give the key in the key field (it goes to the system keychain) or through its environment variable.</source>
        <translation>アドレスだけを入力してください。キーはキーの欄（システムのキーチェーンに保存）か環境変数で指定してください。</translation>
    </message>
    <message>
        <source>The {what} looks like an API key ({masked}), and keys are never saved in the project.</source>
        <translation>{what}が API キーのようです（{masked}）。キーはプロジェクトに保存しません。</translation>
    </message>
    <message>
        <source>Enter the name here; give the key in the key field (it goes to the system keychain) or through its environment variable.</source>
        <translation>ここには名前を入力してください。キーはキーの欄（システムのキーチェーンに保存）か環境変数で指定してください。</translation>
    </message>
    <message>
        <source>Unknown connection preset &apos;{preset}&apos;.</source>
        <translation>不明な接続の種類「{preset}」です。</translation>
    </message>
    <message>
        <source>Choose one of: {presets}.</source>
        <translation>次のいずれかを選んでください: {presets}。</translation>
    </message>
    <message>
        <source>The connection&apos;s timeout or retry count is not a number.</source>
        <translation>接続のタイムアウトまたは再試行回数が数値ではありません。</translation>
    </message>
    <message>
        <source>Enter the timeout in seconds (e.g. 60) and retries as a whole number.</source>
        <translation>タイムアウトは秒（例: 60）、再試行回数は整数で入力してください。</translation>
    </message>
    <message>
        <source>The connection&apos;s timeout must be positive and retries not negative.</source>
        <translation>接続のタイムアウトは正の数、再試行回数は 0 以上にしてください。</translation>
    </message>
    <message>
        <source>Enter e.g. a 60 s timeout and 2 retries.</source>
        <translation>例: タイムアウト 60 秒、再試行 2 回。</translation>
    </message>
    <message>
        <source>model name</source>
        <translation>モデル名</translation>
    </message>
    <message>
        <source>Azure deployment name</source>
        <translation>Azure のデプロイ名</translation>
    </message>
    <message>
        <source>embedding model name</source>
        <translation>埋め込みモデル名</translation>
    </message>
    <message>
        <source>keychain user name</source>
        <translation>キーチェーンのユーザー名</translation>
    </message>
    <message>
        <source>The Azure OpenAI endpoint is not set.</source>
        <translation>Azure OpenAI のエンドポイントが設定されていません。</translation>
    </message>
    <message>
        <source>Enter it as https://YOUR-RESOURCE.openai.azure.com.</source>
        <translation>https://YOUR-RESOURCE.openai.azure.com の形で入力してください。</translation>
    </message>
    <message>
        <source>The Azure OpenAI API version is not set.</source>
        <translation>Azure OpenAI の API バージョンが設定されていません。</translation>
    </message>
    <message>
        <source>Enter e.g. {example}.</source>
        <translation>例: {example}</translation>
    </message>
    <message>
        <source>The server URL is not set.</source>
        <translation>サーバー URL が設定されていません。</translation>
    </message>
    <message>
        <source>The server URL &apos;{url}&apos; is not an http(s) address.</source>
        <translation>サーバー URL「{url}」は http(s) のアドレスではありません。</translation>
    </message>
    <message>
        <source>Enter it with its scheme, e.g. {example}.</source>
        <translation>スキームを付けて入力してください（例: {example}）。</translation>
    </message>
    <message>
        <source>The {what} &apos;{url}&apos; has no host name.</source>
        <translation>{what}「{url}」にホスト名がありません。</translation>
    </message>
    <message>
        <source>Enter it like {example} or https://YOUR-RESOURCE.openai.azure.com.</source>
        <translation>{example} や https://YOUR-RESOURCE.openai.azure.com のように入力してください。</translation>
    </message>
    <message>
        <source>The API key is empty.</source>
        <translation>API キーが空です。</translation>
    </message>
    <message>
        <source>Paste the whole key, starting with its prefix.</source>
        <translation>先頭の接頭辞から、キー全体を貼り付けてください。</translation>
    </message>
    <message>
        <source>The API key contains spaces or line breaks.</source>
        <translation>API キーに空白または改行が含まれています。</translation>
    </message>
    <message>
        <source>Paste only the key itself, without quotes or surrounding text.</source>
        <translation>引用符や前後の文字を付けずに、キーだけを貼り付けてください。</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>&amp;OpenAI</source>
        <translation>&amp;OpenAI</translation>
    </message>
    <message>
        <source>&amp;Azure OpenAI</source>
        <translation>&amp;Azure OpenAI</translation>
    </message>
    <message>
        <source>&amp;Local server</source>
        <translation>ローカルサーバー(&amp;L)</translation>
    </message>
    <message>
        <source>O&amp;ffline</source>
        <translation>オフライン(&amp;F)</translation>
    </message>
    <message>
        <source>OpenAI&apos;s API with your key</source>
        <translation>ご自分のキーで OpenAI の API を使います</translation>
    </message>
    <message>
        <source>Your Azure OpenAI resource</source>
        <translation>ご自分の Azure OpenAI リソース</translation>
    </message>
    <message>
        <source>Ollama, LM Studio, vLLM, llama.cpp</source>
        <translation>Ollama、LM Studio、vLLM、llama.cpp</translation>
    </message>
    <message>
        <source>No model calls at all</source>
        <translation>モデルを一切呼び出しません</translation>
    </message>
    <message>
        <source>Fetc&amp;h models</source>
        <translation>モデルを取得(&amp;H)</translation>
    </message>
    <message>
        <source>Ask the server which models it offers</source>
        <translation>提供しているモデルをサーバーに問い合わせます</translation>
    </message>
    <message>
        <source>Server &amp;URL</source>
        <translation>サーバー URL(&amp;U)</translation>
    </message>
    <message>
        <source>Azure e&amp;ndpoint</source>
        <translation>Azure エンドポイント(&amp;N)</translation>
    </message>
    <message>
        <source>Chat &amp;deployment</source>
        <translation>チャットのデプロイ(&amp;D)</translation>
    </message>
    <message>
        <source>API ve&amp;rsion</source>
        <translation>API バージョン(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Model behind it (optional)</source>
        <translation>背後のモデル（省略可）(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>モデル(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Embedding deployment</source>
        <translation>埋め込みのデプロイ(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Embedding model</source>
        <translation>埋め込みモデル(&amp;E)</translation>
    </message>
    <message>
        <source>T&amp;imeout</source>
        <translation>タイムアウト(&amp;I)</translation>
    </message>
    <message>
        <source>Key environment varia&amp;ble</source>
        <translation>キーの環境変数(&amp;B)</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API キー(&amp;K)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>the deployment name in Azure AI Foundry</source>
        <translation>Azure AI Foundry でのデプロイ名</translation>
    </message>
    <message>
        <source>e.g. OPENAI_API_KEY</source>
        <translation>例：OPENAI_API_KEY</translation>
    </message>
    <message>
        <source>OpenAI&apos;s API. The key is kept in the system keychain or read from an environment variable, never written into the project.</source>
        <translation>OpenAI の API です。キーはシステムのキーチェーンに保管するか環境変数から読み取り、プロジェクトには書き込みません。</translation>
    </message>
    <message>
        <source>Your Azure OpenAI resource: its endpoint, the deployment of the chat model and the API version.</source>
        <translation>ご自分の Azure OpenAI リソースです。エンドポイント、チャットモデルのデプロイ、API バージョンを指定します。</translation>
    </message>
    <message>
        <source>A server on this computer or your network that speaks the OpenAI API, such as Ollama, LM Studio, vLLM or llama.cpp.</source>
        <translation>このコンピューターまたはネットワーク上の、OpenAI API 互換のサーバーです（Ollama、LM Studio、vLLM、llama.cpp など）。</translation>
    </message>
    <message>
        <source>No model calls at all. Still works: scoring imported runs, retrieval readiness, every check that needs no model, and advice from what was measured.</source>
        <translation>モデルを一切呼び出しません。それでも、インポートした実行結果の採点、検索の準備度、モデル不要のすべてのチェック、測定結果に基づくアドバイスは使えます。</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>the configured address</source>
        <translation>設定したアドレス</translation>
    </message>
    <message>
        <source>Context window: %1 tokens (the server&apos;s %2).</source>
        <translation>コンテキスト長：%1 トークン（サーバーの %2 による）。</translation>
    </message>
    <message>
        <source>Connected: %1 answered in %2 s</source>
        <translation>接続しました：%1 が %2 秒で応答しました</translation>
    </message>
    <message>
        <source>Connected: the server at %1 answered in %2 s</source>
        <translation>接続しました：%1 のサーバーが %2 秒で応答しました</translation>
    </message>
    <message>
        <source>Choose a model so that Test also asks it a question.</source>
        <translation>モデルを選ぶと、「テスト」でそのモデルにも質問します。</translation>
    </message>
    <message>
        <source>The server rejected the key</source>
        <translation>サーバーがキーを拒否しました</translation>
    </message>
    <message>
        <source>Check that the key is current and belongs to this server or Azure resource, then replace it.</source>
        <translation>キーが有効で、このサーバーまたは Azure リソースのものか確認し、キーを置き換えてください。</translation>
    </message>
    <message>
        <source>No server answered at %1</source>
        <translation>%1 で応答するサーバーがありません</translation>
    </message>
    <message>
        <source>Check the address and port, that the server is running, and your network or proxy.</source>
        <translation>アドレスとポート、サーバーが起動しているか、ネットワークやプロキシの設定を確認してください。</translation>
    </message>
    <message>
        <source>The model %1 was not found — choose one of %2</source>
        <translation>モデル %1 が見つかりません。%2 から選んでください</translation>
    </message>
    <message>
        <source>The model list now holds the server&apos;s models.</source>
        <translation>モデルの一覧に、サーバーのモデルが入りました。</translation>
    </message>
    <message>
        <source>The model %1 was not found on the server</source>
        <translation>モデル %1 がサーバーに見つかりません</translation>
    </message>
    <message>
        <source>Check the name; for Azure OpenAI use the deployment name.</source>
        <translation>名前を確認してください。Azure OpenAI ではデプロイ名を使います。</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time (%2 s)</source>
        <translation>%1 のサーバーが時間内に応答しませんでした（%2 秒）</translation>
    </message>
    <message>
        <source>Check that the server is running; a slow local model may need a longer timeout.</source>
        <translation>サーバーが起動しているか確認してください。遅いローカルモデルでは、タイムアウトを長くする必要があるかもしれません。</translation>
    </message>
    <message>
        <source>Paste the key above and press Save, or set the environment variable %1.</source>
        <translation>上にキーを貼り付けて「保存」を押すか、環境変数 %1 を設定してください。</translation>
    </message>
    <message>
        <source>Paste the key above and press Save.</source>
        <translation>上にキーを貼り付けて「保存」を押してください。</translation>
    </message>
    <message>
        <source>There is no API key for this connection</source>
        <translation>この接続には API キーがありません</translation>
    </message>
    <message>
        <source>Offline: no model calls are made, so there is nothing to test</source>
        <translation>オフライン：モデルを呼び出さないため、テストする対象がありません</translation>
    </message>
    <message>
        <source>The server at %1 answered, but not with a model&apos;s answer</source>
        <translation>%1 のサーバーから応答はありましたが、モデルの回答ではありません</translation>
    </message>
    <message>
        <source>Check the address: a proxy, a login page or another service may be answering instead of the model server.</source>
        <translation>アドレスを確認してください。モデルサーバーの代わりに、プロキシやログインページ、別のサービスが応答している可能性があります。</translation>
    </message>
    <message>
        <source>The account&apos;s quota or billing limit is used up</source>
        <translation>アカウントの利用枠または請求上限に達しています</translation>
    </message>
    <message>
        <source>Add credit or raise the limit in the provider&apos;s billing settings.</source>
        <translation>プロバイダーの請求設定でクレジットを追加するか、上限を引き上げてください。</translation>
    </message>
    <message>
        <source>The server at %1 answered with an error%2</source>
        <translation>%1 のサーバーがエラーを返しました%2</translation>
    </message>
    <message>
        <source>Try again later; if it persists, check the server&apos;s status or your quota.</source>
        <translation>しばらくしてから再試行してください。続く場合は、サーバーの状態やクォータを確認してください。</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Where the models run. Test checks the server, the key and the model with one tiny request. Keys stay in the system keychain, never in the project.</source>
        <translation>モデルの実行場所を設定します。「テスト」は小さなリクエストを 1 回送り、サーバー・キー・モデルを確認します。キーはシステムのキーチェーンに保管し、プロジェクトには保存しません。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続をテスト(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>元に戻す(&amp;V)</translation>
    </message>
    <message>
        <source>Show the saved connection again</source>
        <translation>保存済みの接続を再表示します</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>接続をテストしています…</translation>
    </message>
    <message>
        <source>Saved: this project now uses this connection.</source>
        <translation>保存しました：このプロジェクトはこの接続を使います。</translation>
    </message>
    <message>
        <source>The server offers one model, %1, and it is now chosen.</source>
        <translation>サーバーが提供するモデルは %1 の 1 つだけなので、それを選びました。</translation>
    </message>
    <message>
        <source>The server offers %1 models: choose one from the Model list.</source>
        <translation>サーバーは %1 個のモデルを提供しています。モデルの一覧から選んでください。</translation>
    </message>
    <message>
        <source>The server lists no models.</source>
        <translation>サーバーはモデルを一覧に出していません。</translation>
    </message>
    <message>
        <source>Type the model name yourself.</source>
        <translation>モデル名を直接入力してください。</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>サーバーの応答：%1</translation>
    </message>
    <message>
        <source>Azure OpenAI needs the name of the chat model&apos;s deployment.</source>
        <translation>Azure OpenAI には、チャットモデルのデプロイ名が必要です。</translation>
    </message>
    <message>
        <source>Enter the deployment name as shown in Azure AI Foundry.</source>
        <translation>Azure AI Foundry に表示されているデプロイ名を入力してください。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <source>The app ran into an unexpected problem. What you saved is not affected and you can keep working. If it happens again, please send the log file.</source>
        <translation>予期しない問題が発生しました。保存済みの内容には影響がなく、このまま作業を続けられます。再び起きる場合は、ログファイルを送ってください。</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>ログファイル：%1</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>詳細を表示</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>ログフォルダーを開く</translation>
    </message>
    <message numerus="yes">
        <source>%n more error(s) happened since; all are in the log.</source>
        <translation>
            <numerusform>その後さらに %n 件のエラーが発生しました。すべてログに記録されています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>詳細を隠す</translation>
    </message>
</context>
<context>
    <name>DataErrors</name>
    <message>
        <source>Open it in Excel and save it again, or export the sheet as CSV.</source>
        <translation>Excel で開いて保存し直すか、シートを CSV で書き出してください。</translation>
    </message>
    <message>
        <source>{name} is not a readable Excel workbook ({problem}).</source>
        <translation>{name} は読み込める Excel ブックではありません（{problem}）。</translation>
    </message>
    <message>
        <source>Open it in Excel and save it again as .xlsx, or export it as CSV.</source>
        <translation>Excel で開いて .xlsx で保存し直すか、CSV で書き出してください。</translation>
    </message>
    <message>
        <source>{name} has no sheet named &apos;{sheet}&apos;. Its sheets: {sheets}.</source>
        <translation>{name} に「{sheet}」という名前のシートはありません。シート: {sheets}。</translation>
    </message>
    <message>
        <source>Choose one of those sheets.</source>
        <translation>そのいずれかのシートを選んでください。</translation>
    </message>
    <message>
        <source>Sheet &apos;{sheet}&apos; of {name} is a chart, not a table.</source>
        <translation>{name} のシート「{sheet}」はグラフで、表ではありません。</translation>
    </message>
    <message>
        <source>Choose a sheet that holds the data.</source>
        <translation>データのあるシートを選んでください。</translation>
    </message>
    <message>
        <source>{name} line {line}: &apos;messages&apos; is not a list of message objects.</source>
        <translation>{name} の {line} 行目: &apos;messages&apos; がメッセージオブジェクトのリストではありません。</translation>
    </message>
    <message>
        <source>{name} line {line} is not valid JSON ({problem} at column {column}).</source>
        <translation>{name} の {line} 行目は正しい JSON ではありません（{column} 列目: {problem}）。</translation>
    </message>
    <message>
        <source>Fix or remove that line; each line must hold one JSON object.</source>
        <translation>その行を直すか削除してください。各行には JSON オブジェクトが 1 つ必要です。</translation>
    </message>
    <message>
        <source>{name} line {line} is a JSON {kind}, not an object.</source>
        <translation>{name} の {line} 行目は JSON の {kind} で、オブジェクトではありません。</translation>
    </message>
    <message>
        <source>{name} line 1 is a JSON list, not an object.</source>
        <translation>{name} の 1 行目は JSON のリストで、オブジェクトではありません。</translation>
    </message>
    <message>
        <source>{name} is not valid JSON ({problem}, line {line}).</source>
        <translation>{name} は正しい JSON ではありません（{problem}、{line} 行目）。</translation>
    </message>
    <message>
        <source>Fix the file, or save it as JSONL (one object per line).</source>
        <translation>ファイルを直すか、JSONL（1 行に 1 オブジェクト）で保存してください。</translation>
    </message>
    <message>
        <source>{name} line {line} has no &apos;messages&apos; list.</source>
        <translation>{name} の {line} 行目に &apos;messages&apos; リストがありません。</translation>
    </message>
    <message>
        <source>Every line of a chat-format file needs a messages list.</source>
        <translation>チャット形式のファイルでは、各行に messages リストが必要です。</translation>
    </message>
    <message>
        <source>There is no column &apos;{column}&apos; (asked for as the {role} column).</source>
        <translation>列「{column}」がありません（{role} 列として指定されました）。</translation>
    </message>
    <message>
        <source>Available columns: {columns}.</source>
        <translation>使える列: {columns}。</translation>
    </message>
    <message>
        <source>Column &apos;{column}&apos; is mapped to more than one role.</source>
        <translation>列「{column}」が複数の役割に割り当てられています。</translation>
    </message>
    <message>
        <source>Give each role its own column.</source>
        <translation>役割ごとに別の列を割り当ててください。</translation>
    </message>
    <message>
        <source>No {role} column was found among: {columns}.</source>
        <translation>次の列の中に {role} 列が見つかりませんでした: {columns}。</translation>
    </message>
    <message>
        <source>Name the {role} column ({option} COLUMN, or map it in the Data step).</source>
        <translation>{role} 列を指定してください（{option} 列名、またはデータのステップで割り当て）。</translation>
    </message>
    <message>
        <source>{name} line {line} cannot be parsed as CSV ({problem}).</source>
        <translation>{name} の {line} 行目を CSV として解析できません（{problem}）。</translation>
    </message>
    <message>
        <source>Check that line for an unclosed quote or a stray character.</source>
        <translation>その行に閉じていない引用符や余分な文字がないか確認してください。</translation>
    </message>
    <message>
        <source>{name} line {line} has {fields} fields but the header has {width}.</source>
        <translation>{name} の {line} 行目は {fields} 項目ですが、見出し行は {width} 項目です。</translation>
    </message>
    <message>
        <source>A cell probably contains the delimiter {delimiter} without quotes, or a quote is not closed: fix that line, or choose another delimiter.</source>
        <translation>セルに引用符なしで区切り文字 {delimiter} が含まれているか、引用符が閉じていない可能性があります。その行を直すか、別の区切り文字を選んでください。</translation>
    </message>
    <message>
        <source>{name} is an old Excel file (.xls), which cannot be read.</source>
        <translation>{name} は古い Excel ファイル（.xls）のため読み込めません。</translation>
    </message>
    <message>
        <source>Open it in Excel and save it as .xlsx or CSV.</source>
        <translation>Excel で開いて .xlsx または CSV で保存してください。</translation>
    </message>
    <message>
        <source>{name} has no rows with an input (column &apos;{column}&apos;).</source>
        <translation>{name} に入力のある行がありません（列「{column}」）。</translation>
    </message>
    <message>
        <source>Check the input column mapping, or fill in the inputs.</source>
        <translation>入力列の割り当てを確認するか、入力を記入してください。</translation>
    </message>
    <message>
        <source>This project has no evaluation set yet.</source>
        <translation>このプロジェクトにはまだ評価セットがありません。</translation>
    </message>
    <message>
        <source>Import one first (the Data step, or `new PROJECT --dataset FILE`).</source>
        <translation>先に読み込んでください（データのステップ、または `new PROJECT --dataset FILE`）。</translation>
    </message>
    <message>
        <source>The imported rows (data/rows.jsonl) are missing from the project folder.</source>
        <translation>読み込んだ行（data/rows.jsonl）がプロジェクトフォルダーにありません。</translation>
    </message>
    <message>
        <source>Import the evaluation set again.</source>
        <translation>評価セットをもう一度読み込んでください。</translation>
    </message>
    <message>
        <source>data/rows.jsonl is damaged at line {line} (it was cut short or edited by hand).</source>
        <translation>data/rows.jsonl の {line} 行目が壊れています（途中で切れたか、手で編集されました）。</translation>
    </message>
    <message>
        <source>{name} is not a text table: it contains binary data.</source>
        <translation>{name} はテキストの表ではありません。バイナリデータを含んでいます。</translation>
    </message>
    <message>
        <source>Choose the CSV, XLSX or JSONL file of your evaluation set.</source>
        <translation>評価セットの CSV、XLSX、JSONL ファイルを選んでください。</translation>
    </message>
    <message>
        <source>Export the data as CSV (UTF-8 or Shift-JIS), XLSX or JSONL.</source>
        <translation>データを CSV（UTF-8 または Shift-JIS）、XLSX、JSONL で書き出してください。</translation>
    </message>
    <message>
        <source>If it is an Excel workbook, give it the .xlsx extension; otherwise export it as CSV.</source>
        <translation>Excel ブックなら拡張子を .xlsx にしてください。そうでなければ CSV で書き出してください。</translation>
    </message>
    <message>
        <source>{name} is not a text table: it looks like {kind}.</source>
        <translation>{name} はテキストの表ではありません。{kind} のようです。</translation>
    </message>
    <message>
        <source>Unknown encoding &apos;{name}&apos;.</source>
        <translation>不明な文字コード「{name}」です。</translation>
    </message>
    <message>
        <source>Use e.g. utf-8, utf-8-sig, cp932 (Shift-JIS), euc_jp or latin-1.</source>
        <translation>utf-8、utf-8-sig、cp932（Shift-JIS）、euc_jp、latin-1 などを使ってください。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; cannot be used as a delimiter.</source>
        <translation>「{value}」は区切り文字に使えません。</translation>
    </message>
    <message>
        <source>Give one character, e.g. &apos;,&apos; &apos;;&apos; &apos;|&apos; or &apos;tab&apos;.</source>
        <translation>1 文字で指定してください（例: &apos;,&apos; &apos;;&apos; &apos;|&apos; または &apos;tab&apos;）。</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} は存在しません。</translation>
    </message>
    <message>
        <source>Check the path and the file name.</source>
        <translation>パスとファイル名を確認してください。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} はフォルダーで、ファイルではありません。</translation>
    </message>
    <message>
        <source>Choose the data file inside it.</source>
        <translation>その中のデータファイルを選んでください。</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a pipe or a device).</source>
        <translation>{path} は通常のファイルではありません（パイプまたはデバイス）。</translation>
    </message>
    <message>
        <source>Choose a saved data file.</source>
        <translation>保存されたデータファイルを選んでください。</translation>
    </message>
    <message>
        <source>{name}{where} is empty.</source>
        <translation>{name}{where} は空です。</translation>
    </message>
    <message>
        <source>Choose a file with a header row and at least one row of data.</source>
        <translation>見出し行と 1 行以上のデータがあるファイルを選んでください。</translation>
    </message>
    <message>
        <source>{name} has a header row but no data rows.</source>
        <translation>{name} には見出し行だけで、データ行がありません。</translation>
    </message>
    <message>
        <source>Add rows below the header, or choose the file that holds the data.</source>
        <translation>見出しの下に行を追加するか、データのあるファイルを選んでください。</translation>
    </message>
    <message>
        <source> (line {line})</source>
        <translation>（{line} 行目）</translation>
    </message>
    <message>
        <source>{name} cannot be read as {encoding}: it has bytes that are not valid in that encoding{where}.</source>
        <translation>{name} を {encoding} として読み込めません。その文字コードでは無効なバイトがあります{where}。</translation>
    </message>
    <message>
        <source>It looks like {encoding}; choose that encoding (e.g. --encoding {code}).</source>
        <translation>{encoding} のようです。その文字コードを選んでください（例: --encoding {code}）。</translation>
    </message>
    <message>
        <source>{name}: {count} id(s) appear more than once, e.g. {shown}.</source>
        <translation>{name}: {count} 個の ID が重複しています（例: {shown}）。</translation>
    </message>
    <message>
        <source>Ids must be unique: fix them, or import without an id column so ids are generated.</source>
        <translation>ID は一意である必要があります。直すか、ID 列なしで読み込んで ID を自動生成してください。</translation>
    </message>
    <message>
        <source>An examples pool of {n} leaves no rows to evaluate (there are {total}).</source>
        <translation>例プールを {n} 行にすると評価する行が残りません（全 {total} 行）。</translation>
    </message>
    <message>
        <source>Ask for fewer examples; most rows should stay for evaluation.</source>
        <translation>例の数を減らしてください。大半の行は評価用に残すべきです。</translation>
    </message>
    <message>
        <source>{name} would unpack to {size} MB, more than a document of this kind holds.</source>
        <translation>{name} は展開すると {size} MB になり、この種類の文書としては大きすぎます。</translation>
    </message>
    <message>
        <source>{name} is compressed {ratio} times, far more than real documents are: it may be built to fill the memory when opened.</source>
        <translation>{name} は {ratio} 倍に圧縮されており、通常の文書よりはるかに高い圧縮率です。開いたときにメモリを使い果たすよう作られたファイルの可能性があります。</translation>
    </message>
    <message>
        <source>{name} holds more than {count} parts, more than a document of this kind has.</source>
        <translation>{name} には {count} 個を超える部品が含まれており、この種類の文書としては多すぎます。</translation>
    </message>
    <message>
        <source>{name} is damaged: it is not a readable document.</source>
        <translation>{name} は壊れています。読み取れる文書ではありません。</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Import your evaluation set: a CSV or text file in any common encoding, an Excel workbook, or JSONL. Choose it, or drop it onto this page.</source>
        <translation>評価セットをインポートします。一般的な文字コードの CSV やテキストファイル、Excel ブック、JSONL に対応しています。ファイルを選ぶか、このページにドロップしてください。</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>example</source>
        <translation>例</translation>
    </message>
    <message>
        <source>Choose the evaluation set</source>
        <translation>評価セットの選択</translation>
    </message>
    <message>
        <source>Evaluation sets (%1);;All files (*)</source>
        <translation>評価セット (%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>Drop one file at a time.</source>
        <translation>ファイルは 1 つずつドロップしてください。</translation>
    </message>
    <message>
        <source>A CSV, TSV, TXT, XLSX or JSONL file holding the evaluation set.</source>
        <translation>評価セットを含む CSV、TSV、TXT、XLSX、JSONL ファイル。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Choosing the examples…</source>
        <translation>例を選んでいます…</translation>
    </message>
    <message>
        <source>A new split changes which rows are evaluated. The %1 runs made so far (%2) were scored on the old one: rows that move into the examples pool leave their scores, and few-shot runs may have shown as examples rows that are now evaluated. Run them again to compare them fairly.</source>
        <translation>分割を変えると、評価される行が変わります。これまでの %1 件の実行（%2）は古い分割で採点されています。例プールに移る行はそのスコアから外れ、few-shot の実行では、今は評価対象の行を例として見せていた可能性があります。公平に比べるには、もう一度実行してください。</translation>
    </message>
    <message>
        <source>Apply the new split?</source>
        <translation>新しい分割を適用しますか？</translation>
    </message>
    <message>
        <source>Apply the new split</source>
        <translation>新しい分割を適用</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>インポートしました。</translation>
    </message>
    <message>
        <source>New split saved.</source>
        <translation>新しい分割を保存しました。</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>インポートはキャンセルされました。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>何も変更していません。</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>This is a bug; the details are in the log file.</source>
        <translation>これは不具合です。詳細はログファイルにあります。</translation>
    </message>
    <message>
        <source>The imported data was not changed.</source>
        <translation>インポート済みのデータは変更していません。</translation>
    </message>
    <message>
        <source>Open or create a project first (step 1).</source>
        <translation>先にプロジェクトを開くか作成してください（ステップ 1）。</translation>
    </message>
    <message>
        <source>No evaluation set imported yet.</source>
        <translation>評価セットはまだインポートされていません。</translation>
    </message>
    <message>
        <source>Columns (as imported)</source>
        <translation>列（インポート時）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>DatasetText</name>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（BOM 付き）</translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>文字コード %1</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>カンマ</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>縦線</translation>
    </message>
    <message>
        <source>delimiter: %1</source>
        <translation>区切り文字：%1</translation>
    </message>
    <message>
        <source>sheet “%1”</source>
        <translation>シート「%1」</translation>
    </message>
    <message>
        <source>Preview: the first %1 rows of %2. The full count appears after the import.</source>
        <translation>プレビュー：%2 の先頭 %1 行です。全体の行数はインポート後に表示されます。</translation>
    </message>
    <message>
        <source>Preview: all %1 rows of %2.</source>
        <translation>プレビュー：%2 の全 %1 行です。</translation>
    </message>
    <message>
        <source>Read as %1.</source>
        <translation>%1 として読み込みました。</translation>
    </message>
    <message>
        <source>%1 evaluation rows, %2 examples</source>
        <translation>評価 %1 行、例 %2 行</translation>
    </message>
    <message>
        <source>%1 rows will be set aside as examples; the rest are evaluation rows.</source>
        <translation>%1 行を例として確保し、残りを評価に使います。</translation>
    </message>
    <message>
        <source>About %1.</source>
        <translation>約 %1 です。</translation>
    </message>
    <message>
        <source>Leave at least one row to evaluate.</source>
        <translation>評価する行を少なくとも 1 行残してください。</translation>
    </message>
    <message>
        <source>Now %1. Apply to set %2 aside instead.</source>
        <translation>現在は %1 です。代わりに %2 を確保するには「分割を適用」を押してください。</translation>
    </message>
    <message>
        <source>%1 rows imported from %2.</source>
        <translation>%2 から %1 行をインポートしました。</translation>
    </message>
    <message>
        <source>(split seed %1).</source>
        <translation>（分割のシード %1）。</translation>
    </message>
    <message>
        <source>Rows skipped because their input is empty: %1 (lines %2).</source>
        <translation>入力が空のため飛ばした行：%1（%2 行目）。</translation>
    </message>
    <message>
        <source>Rows with a cell over 100,000 characters, kept but costly to send: %1 (ids %2).</source>
        <translation>100,000 文字を超えるセルがある行（残しますが、送信コストがかかります）：%1（ID %2）。</translation>
    </message>
    <message>
        <source>Rows without an expected output, which content checks cannot grade: %1 (ids %2).</source>
        <translation>正解がなく、内容チェックで採点できない行：%1（ID %2）。</translation>
    </message>
    <message>
        <source>Rows with an empty id, given one made from their content: %1 (lines %2).</source>
        <translation>ID が空のため、内容から ID を作成した行：%1（%2 行目）。</translation>
    </message>
    <message>
        <source>Rows sharing their input with another row, kept on the same side of the split: %1.</source>
        <translation>入力が他の行と同じため、分割で同じ側に置いた行：%1。</translation>
    </message>
    <message>
        <source>Blank or repeated header cells were renamed: %2.</source>
        <translation>空または重複した見出しセルの名前を変更しました：%2。</translation>
    </message>
    <message>
        <source>Rows with cells right of the last header column, which were left out: %1.</source>
        <translation>最後の見出し列より右にセルがあり、その部分を除外した行：%1。</translation>
    </message>
    <message>
        <source>Keys that first appear late in the file were left out: %2.</source>
        <translation>ファイルの後半で初めて現れるキーは除外しました：%2。</translation>
    </message>
    <message>
        <source>You chose %3, but the file looks like %4; check that the text reads right.</source>
        <translation>%3 が選ばれていますが、ファイルは %4 のようです。文字が正しく読めているか確認してください。</translation>
    </message>
    <message>
        <source>Note: %3 (%1).</source>
        <translation>注意：%3（%1）。</translation>
    </message>
    <message>
        <source>Loading the imported rows…</source>
        <translation>インポートした行を読み込んでいます…</translation>
    </message>
    <message>
        <source>Importing… %1 rows read</source>
        <translation>インポート中… %1 行を読み込みました</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>インポート中…</translation>
    </message>
</context>
<context>
    <name>DiagnosisMap</name>
    <message>
        <source>Behaviour score: acts right (format, tone, rules) →</source>
        <translation>振る舞いスコア：正しく振る舞う（書式・口調・ルール）→</translation>
    </message>
    <message>
        <source>Content score: right facts →</source>
        <translation>内容スコア：正しい事実 →</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目標 %1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>パッセージ</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>文字数</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>追加日時</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>&amp;Remove from the index</source>
        <translation>インデックスから削除(&amp;R)</translation>
    </message>
    <message>
        <source>The files themselves are not touched (Delete key)</source>
        <translation>ファイル自体には手を加えません（Delete キー）</translation>
    </message>
    <message>
        <source>No documents yet.
Drop files or folders here, or use Add files… (txt, md, pdf, docx, html, csv).</source>
        <translation>ドキュメントはまだありません。
ここにファイルやフォルダーをドロップするか、「ファイルを追加…」を使ってください（txt、md、pdf、docx、html、csv）。</translation>
    </message>
    <message>
        <source>Indexed documents</source>
        <translation>インデックス済みのドキュメント</translation>
    </message>
    <message>
        <source>What the last addition did, file by file</source>
        <translation>前回の追加の結果（ファイルごと）</translation>
    </message>
</context>
<context>
    <name>ErrorList</name>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Rows that ended in an error</source>
        <translation>エラーで終わった行</translation>
    </message>
</context>
<context>
    <name>ExampleView</name>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>%1 · p. %2</source>
        <translation>%1 · %2 ページ</translation>
    </message>
    <message>
        <source>%1 · score %2</source>
        <translation>%1 · スコア %2</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Expected answer</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>Select a row to see each run&apos;s answer, its checks and its passages.</source>
        <translation>行を選ぶと、各実行の回答、チェック結果、パッセージが表示されます。</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>行 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>チェック</translation>
    </message>
</context>
<context>
    <name>FileKinds</name>
    <message>
        <source>a ZIP archive or an Excel/Word file (.xlsx/.docx)</source>
        <translation>ZIP アーカイブまたは Excel/Word ファイル（.xlsx/.docx）</translation>
    </message>
    <message>
        <source>an old Excel/Word file (.xls/.doc)</source>
        <translation>古い形式の Excel/Word ファイル（.xls/.doc）</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文書</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 画像</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 画像</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 画像</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>gzip アーカイブ</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>7-Zip アーカイブ</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>RAR アーカイブ</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <source>a Windows program</source>
        <translation>Windows のプログラム</translation>
    </message>
    <message>
        <source>an SQLite database</source>
        <translation>SQLite データベース</translation>
    </message>
    <message>
        <source>binary data</source>
        <translation>バイナリデータ</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>R&amp;un:</source>
        <translation>実行(&amp;U):</translation>
    </message>
    <message>
        <source>Failed &amp;only</source>
        <translation>不合格のみ(&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>カテゴリ(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Gap:</source>
        <translation>ギャップ(&amp;G):</translation>
    </message>
    <message>
        <source>Sho&amp;w all rows</source>
        <translation>すべての行を表示(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Copy row</source>
        <translation>行をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;view…</source>
        <translation>レビュー(&amp;V)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>書き出し(&amp;X)…</translation>
    </message>
    <message>
        <source>Save every row of every run, with its verdicts, as an Excel workbook or a CSV file</source>
        <translation>すべての実行のすべての行を判定つきで Excel ブックまたは CSV ファイルに保存します</translation>
    </message>
    <message>
        <source>Say right or wrong for the answers listed, with the keyboard; your verdicts replace the automatic ones</source>
        <translation>一覧の回答をキーボードで正解・不正解と判定します。あなたの判定が自動判定に代わります</translation>
    </message>
    <message>
        <source>Copy the selected row, one line per run, as tab-separated text</source>
        <translation>選択した行を、実行ごとに 1 行のタブ区切りテキストとしてコピーします</translation>
    </message>
    <message>
        <source>All runs</source>
        <translation>すべての実行</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>すべてのカテゴリ</translation>
    </message>
    <message>
        <source>Only the %1 rows sent from another page.</source>
        <translation>他のページから渡された %1 行のみ。</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%2 行中 %1 行</translation>
    </message>
</context>
<context>
    <name>FineTuneDialog</name>
    <message>
        <source>Fine-tuning helper</source>
        <translation>ファインチューニング支援</translation>
    </message>
    <message>
        <source>&amp;1 Prepare</source>
        <translation>準備(&amp;1)</translation>
    </message>
    <message>
        <source>&amp;2 Train with the provider</source>
        <translation>プロバイダーで学習(&amp;2)</translation>
    </message>
    <message>
        <source>&amp;3 Other routes</source>
        <translation>その他の方法(&amp;3)</translation>
    </message>
    <message>
        <source>&amp;4 Register a model</source>
        <translation>モデルを登録(&amp;4)</translation>
    </message>
</context>
<context>
    <name>FineTuneText</name>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Not a usable conversation: each example needs a user turn and ends with the answer.</source>
        <translation>使える会話ではありません。各例にはユーザーの発言が必要で、最後は回答で終わる必要があります。</translation>
    </message>
    <message>
        <source>Message %1 (%2) is empty.</source>
        <translation>メッセージ %1（%2）が空です。</translation>
    </message>
    <message>
        <source>%1 tokens, over the limit of %2 per example: shorten it or leave it out.</source>
        <translation>%1 トークンで、1 例あたりの上限 %2 を超えています。短くするか、外してください。</translation>
    </message>
    <message>
        <source>The file is larger than the provider accepts.</source>
        <translation>ファイルがプロバイダーの受け付ける大きさを超えています。</translation>
    </message>
    <message>
        <source>The same example as row %1: keep one.</source>
        <translation>行 %1 と同じ例です。どちらか一つを残してください。</translation>
    </message>
    <message>
        <source>Nearly the same as row %1 (%2% alike): keep one.</source>
        <translation>行 %1 とほぼ同じです（類似度 %2%）。どちらか一つを残してください。</translation>
    </message>
    <message>
        <source>The same question as evaluation row %1: the tuned model would be scored on what it was taught. Remove it from one side.</source>
        <translation>評価行 %1 と同じ質問です。調整したモデルが、教わった内容で採点されてしまいます。どちらか一方から外してください。</translation>
    </message>
    <message>
        <source>Nearly the same question as evaluation row %1 (%2% alike): the score could flatter the tuned model.</source>
        <translation>評価行 %1 とほぼ同じ質問です（類似度 %2%）。調整したモデルのスコアが実力より良く出るおそれがあります。</translation>
    </message>
    <message>
        <source>%1 training examples; the provider needs at least %2. About %3 good ones are usually enough to start.</source>
        <translation>学習例は %1 件です。プロバイダーは最低 %2 件を必要とします。始めるには質の良い例が %3 件ほどあれば通常は十分です。</translation>
    </message>
    <message>
        <source>%1 training examples. A small set of high-quality examples is the right start; about %2 usually show a clear change.</source>
        <translation>学習例は %1 件です。少数の質の高い例から始めるのが正解で、%2 件ほどで通常ははっきりした変化が見られます。</translation>
    </message>
    <message>
        <source>The answer fails the check %1: fine-tuning copies the behaviour in the data, good or bad.</source>
        <translation>回答がチェック %1 に不合格です。ファインチューニングは、良くも悪くもデータの振る舞いをそのまま写します。</translation>
    </message>
    <message>
        <source>Whole set</source>
        <translation>全体</translation>
    </message>
    <message>
        <source>Validation, line %1</source>
        <translation>検証用、%1 行目</translation>
    </message>
    <message>
        <source>Training, line %1</source>
        <translation>学習用、%1 行目</translation>
    </message>
    <message>
        <source>price unknown: add it to the price table</source>
        <translation>価格不明（価格表に追加してください）</translation>
    </message>
    <message>
        <source>no fee, it runs on your machine</source>
        <translation>料金なし（手元のマシンで実行）</translation>
    </message>
    <message>
        <source>about $%1</source>
        <translation>約 $%1</translation>
    </message>
    <message>
        <source>%1 training and %2 validation examples from a pool of %3. %4 tokens per epoch, %5 over %6 epochs of %7: %8.</source>
        <translation>プール %3 件から学習用 %1 件、検証用 %2 件。1 エポックあたり %4 トークン、%7 で %6 エポックなら %5 トークン：%8。</translation>
    </message>
    <message>
        <source>Longest example: %1 tokens (row %2; the limit is %3).</source>
        <translation>最も長い例：%1 トークン（行 %2、上限は %3）。</translation>
    </message>
    <message>
        <source>Longest example: %1 tokens (row %2).</source>
        <translation>最も長い例：%1 トークン（行 %2）。</translation>
    </message>
    <message>
        <source>Other routes work with the same file: Azure OpenAI, Together or Fireworks, or a local trainer (Other routes tab), then register the tuned model.</source>
        <translation>同じファイルで他の方法が使えます。Azure OpenAI、Together や Fireworks、またはローカルの学習ツール（「その他の方法」タブ）で学習し、調整したモデルを登録してください。</translation>
    </message>
    <message>
        <source>Add credit in the provider&apos;s billing settings, or take another route.</source>
        <translation>プロバイダーの請求設定でクレジットを追加するか、別の方法を選んでください。</translation>
    </message>
    <message>
        <source>Fix what it names, check the file again and retry.</source>
        <translation>指摘された点を直し、ファイルをもう一度点検してから再試行してください。</translation>
    </message>
    <message>
        <source>Read the provider&apos;s reason below, fix it and start again.</source>
        <translation>下に示すプロバイダーの理由を読み、直してからもう一度開始してください。</translation>
    </message>
    <message>
        <source>Checking the files</source>
        <translation>ファイルを確認中</translation>
    </message>
    <message>
        <source>Waiting in the provider&apos;s queue</source>
        <translation>プロバイダーの順番待ち</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取り消し済み</translation>
    </message>
    <message>
        <source>Uploading the files</source>
        <translation>ファイルをアップロード中</translation>
    </message>
</context>
<context>
    <name>FinetuneErrors</name>
    <message>
        <source>There is no variant called “{name}” in this project.</source>
        <translation>このプロジェクトに「{name}」というバリアントはありません。</translation>
    </message>
    <message>
        <source>Choose from: {choices}.</source>
        <translation>次から選んでください: {choices}。</translation>
    </message>
    <message>
        <source>Choose one of the presets.</source>
        <translation>プリセットのいずれかを選んでください。</translation>
    </message>
    <message>
        <source>The validation share must be from 0 to 0.5, not {share}.</source>
        <translation>検証用の割合は 0 から 0.5 の範囲で指定してください（{share} は使えません）。</translation>
    </message>
    <message>
        <source>Use e.g. 0.1: one example in ten checks the training.</source>
        <translation>例えば 0.1 にすると、10 件に 1 件の例で学習を検証します。</translation>
    </message>
    <message>
        <source>Other routes: Azure OpenAI, Together or Fireworks with the same file, or train locally (Export for mlx-lm, axolotl, Unsloth or LLaMA-Factory), then register the tuned model.</source>
        <translation>ほかの方法: 同じファイルで Azure OpenAI、Together、Fireworks を使うか、ローカルで学習し（mlx-lm、axolotl、Unsloth、LLaMA-Factory 向けにエクスポート）、調整済みモデルを登録してください。</translation>
    </message>
    <message>
        <source>The provider does not accept fine-tuning jobs from this account (training_not_available): OpenAI is closing self-serve fine-tuning.</source>
        <translation>プロバイダーがこのアカウントからのファインチューニングジョブを受け付けていません（training_not_available）。OpenAI はセルフサービスのファインチューニングを終了しつつあります。</translation>
    </message>
    <message>
        <source>The account has no quota or credit left for fine-tuning.</source>
        <translation>アカウントにファインチューニングに使える割り当てやクレジットが残っていません。</translation>
    </message>
    <message>
        <source>Add credit or raise the limit in the provider&apos;s billing settings. Other routes: Azure OpenAI, Together or Fireworks with the same file, or train locally (Export for mlx-lm, axolotl, Unsloth or LLaMA-Factory), then register the tuned model.</source>
        <translation>プロバイダーの請求設定でクレジットを追加するか、上限を引き上げてください。ほかの方法: 同じファイルで Azure OpenAI、Together、Fireworks を使うか、ローカルで学習し（mlx-lm、axolotl、Unsloth、LLaMA-Factory 向けにエクスポート）、調整済みモデルを登録してください。</translation>
    </message>
    <message>
        <source>The provider rejected the training file.</source>
        <translation>プロバイダーが学習ファイルを受け付けませんでした。</translation>
    </message>
    <message>
        <source>Fix what it names (see the findings), prepare the file again and retry.</source>
        <translation>指摘された点を直し（検査結果を参照）、ファイルを準備し直してから再試行してください。</translation>
    </message>
    <message>
        <source>This base model cannot be fine-tuned here.</source>
        <translation>このベースモデルはここではファインチューニングできません。</translation>
    </message>
    <message>
        <source>Choose a base model the provider lists as fine-tunable (e.g. gpt-4o-mini-2024-07-18).</source>
        <translation>プロバイダーがファインチューニング可能としているベースモデルを選んでください（例: gpt-4o-mini-2024-07-18）。</translation>
    </message>
    <message>
        <source>This server has no fine-tuning API (a local server or a proxy only answers chat).</source>
        <translation>このサーバーにはファインチューニング API がありません（ローカルサーバーやプロキシはチャットにしか応答しません）。</translation>
    </message>
    <message>
        <source>The provider knows no such fine-tuning job.</source>
        <translation>プロバイダーにそのファインチューニングジョブはありません。</translation>
    </message>
    <message>
        <source>Check the job id (the provider&apos;s dashboard lists them) and that the connection is the account or resource that started it.</source>
        <translation>ジョブ ID（プロバイダーのダッシュボードに一覧があります）と、接続先がジョブを開始したアカウントやリソースであることを確認してください。</translation>
    </message>
    <message>
        <source>The server rejected the API key for fine-tuning.</source>
        <translation>サーバーがファインチューニング用の API キーを拒否しました。</translation>
    </message>
    <message>
        <source>Check the key belongs to this account or Azure resource and may create jobs.</source>
        <translation>キーがこのアカウントまたは Azure リソースのもので、ジョブを作成する権限があることを確認してください。</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>サーバーに接続できませんでした。</translation>
    </message>
    <message>
        <source>Check the network and the address under Connection.</source>
        <translation>ネットワークと、接続設定のアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The fine-tuning job failed at the provider.</source>
        <translation>プロバイダー側でファインチューニングジョブが失敗しました。</translation>
    </message>
    <message>
        <source>Read the provider&apos;s reason, fix it and start again.</source>
        <translation>プロバイダーが示した理由を確認して直し、もう一度開始してください。</translation>
    </message>
    <message>
        <source>The server answered with an error.</source>
        <translation>サーバーがエラーを返しました。</translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation>しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Unknown fine-tuning route “{route}”.</source>
        <translation>ファインチューニングの方法「{route}」は不明です。</translation>
    </message>
    <message>
        <source>Choose one of: {routes}.</source>
        <translation>次のいずれかを選んでください: {routes}。</translation>
    </message>
    <message>
        <source>The training price table must map model names to a price.</source>
        <translation>学習価格の表は、モデル名ごとに価格を対応させる形にしてください。</translation>
    </message>
    <message>
        <source>Write it as {&quot;gpt-4o-mini-2024-07-18&quot;: 3.0} (USD per 1M training tokens).</source>
        <translation>{&quot;gpt-4o-mini-2024-07-18&quot;: 3.0} のように書いてください（学習トークン 100 万あたりの米ドル）。</translation>
    </message>
    <message>
        <source>The training price for “{model}” is not a number.</source>
        <translation>「{model}」の学習価格が数値になっていません。</translation>
    </message>
    <message>
        <source>Enter USD per 1 million training tokens, e.g. 3.</source>
        <translation>学習トークン 100 万あたりの米ドルを入力してください（例: 3）。</translation>
    </message>
    <message>
        <source>The training price for “{model}” is negative.</source>
        <translation>「{model}」の学習価格が負の値になっています。</translation>
    </message>
    <message>
        <source>Enter 0 or more.</source>
        <translation>0 以上を入力してください。</translation>
    </message>
    <message>
        <source>Epochs must be a whole number from 1 to 50, not “{epochs}”.</source>
        <translation>エポック数は 1 から 50 の整数で指定してください（「{epochs}」は使えません）。</translation>
    </message>
    <message>
        <source>Start with 3.</source>
        <translation>まずは 3 から始めてください。</translation>
    </message>
    <message>
        <source>This project has no examples pool to train on.</source>
        <translation>このプロジェクトには学習に使う例題プールがありません。</translation>
    </message>
    <message>
        <source>Set some rows aside as examples under Data (e.g. 50), then prepare again.</source>
        <translation>データのページで一部の行（例: 50 行）を例題として取り分けてから、もう一度準備してください。</translation>
    </message>
    <message>
        <source>A fine-tuned model needs its name.</source>
        <translation>ファインチューニング済みモデルの名前が必要です。</translation>
    </message>
    <message>
        <source>Enter the model id (ft:...), the Azure deployment name or the name the server serves it under.</source>
        <translation>モデル ID（ft:...）、Azure のデプロイ名、またはサーバーが公開している名前を入力してください。</translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message>
        <source>Grid</source>
        <translation>グリッド</translation>
    </message>
    <message>
        <source>Where each run stands: by the techniques it uses, and by what it gets right. Hover over a point for its numbers; click it to see its rows.</source>
        <translation>各実行の位置を、使っている手法と正しくできていることの 2 つの軸で示します。点にカーソルを合わせると数値が、クリックするとその行が表示されます。</translation>
    </message>
    <message>
        <source>Placing the runs on the maps…</source>
        <translation>実行をマップに配置しています…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Ru&amp;n:</source>
        <translation>実行(&amp;N):</translation>
    </message>
    <message>
        <source>Show in Res&amp;ults</source>
        <translation>結果で表示(&amp;U)</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>See the &amp;advice</source>
        <translation>アドバイスを見る(&amp;A)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Technique map</source>
        <translation>手法マップ</translation>
    </message>
    <message>
        <source>Diagnosis map</source>
        <translation>診断マップ</translation>
    </message>
    <message>
        <source>The picture from OpenAI&apos;s talk “A Survey of Techniques for Maximizing LLM Performance”: to the right, how the model is asked to act; upwards, what it is given to know. Arrows follow the order the runs were made.</source>
        <translation>OpenAI の講演「A Survey of Techniques for Maximizing LLM Performance」の図です。右へ行くほどモデルへの振る舞いの指示、上へ行くほどモデルに与える知識です。矢印は実行した順をたどります。</translation>
    </message>
    <message>
        <source>&amp;Save technique map…</source>
        <translation>手法マップを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Low on content → context work (RAG). Low on behaviour → LLM work (prompt, few-shot, fine-tuning). Colour: pass rate.</source>
        <translation>内容が低い → コンテキストの改善（RAG）。振る舞いが低い → LLM の改善（プロンプト、Few-shot、ファインチューニング）。色：合格率。</translation>
    </message>
    <message>
        <source>Save &amp;diagnosis map…</source>
        <translation>診断マップを保存(&amp;D)…</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>The maps could not be drawn because of an internal error.</source>
        <translation>内部エラーのため、マップを描けませんでした。</translation>
    </message>
    <message>
        <source>The details are in the log (Help → Show Log Folder).</source>
        <translation>詳細はログにあります（ヘルプ → ログフォルダーを表示）。</translation>
    </message>
    <message>
        <source>No project is open</source>
        <translation>プロジェクトが開かれていません</translation>
    </message>
    <message>
        <source>Open or create a project, then run a few variants: each run becomes a point here.</source>
        <translation>プロジェクトを開くか作成して、いくつかのバリアントを実行してください。各実行がここに点として表示されます。</translation>
    </message>
    <message>
        <source>&amp;Go to Project</source>
        <translation>プロジェクトへ(&amp;G)</translation>
    </message>
    <message>
        <source>Reading the runs…</source>
        <translation>実行結果を読み込んでいます…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>中止しました</translation>
    </message>
    <message>
        <source>The maps were not drawn because the work was cancelled.</source>
        <translation>処理がキャンセルされたため、マップは描かれていません。</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>再試行(&amp;T)</translation>
    </message>
    <message>
        <source>Nothing to place yet</source>
        <translation>まだ配置するものがありません</translation>
    </message>
    <message>
        <source>This project has no runs yet.</source>
        <translation>このプロジェクトにはまだ実行結果がありません。</translation>
    </message>
    <message>
        <source>Run some variants, or import a run made elsewhere; each run becomes a point on both maps.</source>
        <translation>バリアントを実行するか、他で作成した実行結果をインポートしてください。各実行が両方のマップに点として表示されます。</translation>
    </message>
    <message>
        <source>&amp;Go to Run</source>
        <translation>実行へ(&amp;G)</translation>
    </message>
    <message>
        <source>The maps could not be drawn</source>
        <translation>マップを描けませんでした</translation>
    </message>
    <message>
        <source>See the message above.</source>
        <translation>上のメッセージを参照してください。</translation>
    </message>
    <message>
        <source>Save the map as a picture</source>
        <translation>マップを画像として保存</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Could not save the picture to %1.</source>
        <translation>%1 に画像を保存できませんでした。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, and close the file if another program has it open.</source>
        <translation>書き込みできるフォルダーを選び、他のプログラムがファイルを開いている場合は閉じてください。</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Examples pool</source>
        <translation>例題プール</translation>
    </message>
    <message>
        <source>Examples &amp;pool:</source>
        <translation>例題プール(&amp;P):</translation>
    </message>
    <message>
        <source>Rows set aside for few-shot prompts and fine-tuning. They are never used to evaluate, so nothing leaks.</source>
        <translation>Few-shot のプロンプトとファインチューニング用に確保する行です。評価には使わないため、漏れはありません。</translation>
    </message>
    <message>
        <source>Ra&amp;ndom seed:</source>
        <translation>乱数シード(&amp;N):</translation>
    </message>
    <message>
        <source>The same seed picks the same examples again.</source>
        <translation>同じシードなら、同じ例がもう一度選ばれます。</translation>
    </message>
    <message>
        <source>&amp;Apply split</source>
        <translation>分割を適用(&amp;A)</translation>
    </message>
    <message>
        <source>I&amp;mport</source>
        <translation>インポート(&amp;M)</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>キャンセル(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ImportRunDialog</name>
    <message>
        <source>Import a run</source>
        <translation>実行結果のインポート</translation>
    </message>
    <message>
        <source>Outputs produced elsewhere become a run: one line per evaluation row with its row id and the output, optionally the retrieved passages. They are scored with this project&apos;s checks; no model is called.</source>
        <translation>他で作成した出力を実行結果として取り込みます。評価の 1 行につき 1 行で、行 ID と出力、必要なら取得したパッセージを含めます。このプロジェクトのチェックで採点し、モデルは呼び出しません。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>e.g. few-shot-v2</source>
        <translation>例：few-shot-v2</translation>
    </message>
    <message>
        <source>Techniques used:</source>
        <translation>使った手法：</translation>
    </message>
    <message>
        <source>Clear instr&amp;uctions</source>
        <translation>明確な指示(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Step-by-step</source>
        <translation>段階的思考(&amp;S)</translation>
    </message>
    <message>
        <source>Fe&amp;w-shot examples</source>
        <translation>Few-shot の例(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;RAG (retrieval)</source>
        <translation>RAG（検索）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tuned retrieval</source>
        <translation>検索の調整(&amp;T)</translation>
    </message>
    <message>
        <source>Fine-tuned &amp;model</source>
        <translation>ファインチューニング済みモデル(&amp;M)</translation>
    </message>
    <message>
        <source>None ticked: the outputs are a baseline (a plain prompt).</source>
        <translation>どれもオンにしない場合、出力はベースライン（素のプロンプト）として扱います。</translation>
    </message>
    <message>
        <source>&amp;Output column:</source>
        <translation>出力の列(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Passages column:</source>
        <translation>パッセージの列(&amp;P):</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <source>Choose the outputs file</source>
        <translation>出力ファイルの選択</translation>
    </message>
    <message>
        <source>Tables (%1)</source>
        <translation>表 (%1)</translation>
    </message>
    <message>
        <source>Reading the columns…</source>
        <translation>列を読み込んでいます…</translation>
    </message>
</context>
<context>
    <name>IndexingProgress</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Stop after the current file; the files already indexed stay</source>
        <translation>現在のファイルの後で中止します。インデックス済みのファイルは残ります</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>インデックスを開いています…</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>現在のファイルの後で中止します…</translation>
    </message>
</context>
<context>
    <name>JobTab</name>
    <message>
        <source>Model name su&amp;ffix:</source>
        <translation>モデル名の接尾辞(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Start training</source>
        <translation>学習を開始(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel the &amp;job</source>
        <translation>ジョブを取り消す(&amp;J)</translation>
    </message>
    <message>
        <source>Export for a local &amp;trainer</source>
        <translation>ローカル学習用に書き出す(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Register a model trained elsewhere</source>
        <translation>他所で学習したモデルを登録(&amp;R)</translation>
    </message>
    <message>
        <source>This project is offline: no job can be started. Choose OpenAI or Azure OpenAI under Connection, or take another route.</source>
        <translation>このプロジェクトはオフラインのため、ジョブを開始できません。「接続」で OpenAI か Azure OpenAI を選ぶか、別の方法を選んでください。</translation>
    </message>
    <message>
        <source>Check the examples on the Prepare tab first; the job trains on them.</source>
        <translation>まず「準備」タブで例を点検してください。ジョブはその例で学習します。</translation>
    </message>
    <message>
        <source>Train %1 on %2 examples for %3 epochs at %4. Jobs run at the provider and are billed there; Azure OpenAI serves the tuned model only after you deploy it.</source>
        <translation>%4 で %1 を %2 件の例により %3 エポック学習させます。ジョブはプロバイダー側で実行され、料金もそちらで請求されます。Azure OpenAI では、調整したモデルはデプロイした後でなければ使えません。</translation>
    </message>
    <message>
        <source>F&amp;ollow job %1 started earlier</source>
        <translation>前に開始したジョブ %1 を追跡(&amp;O)</translation>
    </message>
    <message>
        <source>Cancelling the job at the provider…</source>
        <translation>プロバイダー側でジョブを取り消しています…</translation>
    </message>
    <message>
        <source>Deploy the model in Azure AI Foundry, then set each variant&apos;s model to the deployment name under Variants.</source>
        <translation>Azure AI Foundry でモデルをデプロイし、「バリアント」で各バリアントのモデルをそのデプロイ名にしてください。</translation>
    </message>
    <message>
        <source>Run them under Run: the tuned model then appears on the Grid.</source>
        <translation>「実行」で実行すると、調整したモデルがグリッドに表示されます。</translation>
    </message>
    <message>
        <source>%1 is ready and was added as: %2.</source>
        <translation>%1 の準備ができ、次として追加しました：%2。</translation>
    </message>
    <message>
        <source>The job could not be noted in the project.</source>
        <translation>ジョブをプロジェクトに記録できませんでした。</translation>
    </message>
    <message>
        <source>The provider said: %1</source>
        <translation>プロバイダーの応答：%1</translation>
    </message>
    <message>
        <source>The job could not run because of an internal error.</source>
        <translation>内部エラーのためジョブを実行できませんでした。</translation>
    </message>
    <message>
        <source>The details are in the log (Help → Show Log Folder).</source>
        <translation>詳細はログにあります（ヘルプ → ログフォルダーを表示）。</translation>
    </message>
</context>
<context>
    <name>JudgeDialog</name>
    <message>
        <source>Judge model</source>
        <translation>判定モデル</translation>
    </message>
    <message>
        <source>The judge is a model that decides what text alone cannot, such as a paraphrase. A stronger model than the one under test is recommended: it judges more like a person (e.g. gpt-4o to judge gpt-4o-mini).</source>
        <translation>判定モデルは、言い換えなどテキストだけでは判定できない回答を判定します。評価対象より高性能なモデルをおすすめします。人の判断により近くなります（例：gpt-4o-mini の判定に gpt-4o）。</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>&amp;Test the judge</source>
        <translation>判定モデルをテスト(&amp;T)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Use the pro&amp;ject&apos;s connection: %1</source>
        <translation>プロジェクトの接続を使う(&amp;J)：%1</translation>
    </message>
    <message>
        <source>Use its own ser&amp;ver</source>
        <translation>専用のサーバーを使う(&amp;V)</translation>
    </message>
    <message>
        <source>Which ans&amp;wers it judges:</source>
        <translation>判定の対象(&amp;W):</translation>
    </message>
    <message>
        <source>only answers the other checks cannot decide (unsure)</source>
        <translation>他のチェックで判定できない回答のみ（判定保留）</translation>
    </message>
    <message>
        <source>every answer (its verdict replaces theirs)</source>
        <translation>すべての回答（他のチェックの判定を置き換えます）</translation>
    </message>
    <message>
        <source>There is no judge check: add one with Add check… to have answers judged.</source>
        <translation>判定モデルのチェックがありません。回答を判定させるには「チェックを追加…」で追加してください。</translation>
    </message>
    <message>
        <source>Every answer: each one is a paid call to the judge.</source>
        <translation>すべての回答を対象にすると、回答ごとに判定モデルへの有料の呼び出しが発生します。</translation>
    </message>
    <message>
        <source>Testing the judge…</source>
        <translation>判定モデルをテストしています…</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>サーバーの応答：%1</translation>
    </message>
    <message>
        <source>The judge is the model under test (%1): it tends to pass its own answers. A stronger model judges better.</source>
        <translation>判定モデルが評価対象と同じモデル（%1）です。自分の回答を合格にしがちです。より高性能なモデルの方が正確に判定できます。</translation>
    </message>
</context>
<context>
    <name>JudgeLine</name>
    <message>
        <source>&amp;Judge model…</source>
        <translation>判定モデル(&amp;J)…</translation>
    </message>
    <message>
        <source>Which model judges, on which server, and which answers it is asked about</source>
        <translation>判定するモデル、そのサーバー、判定の対象とする回答</translation>
    </message>
    <message>
        <source>Judge: %1 on its own server.</source>
        <translation>判定モデル：%1（専用のサーバー）。</translation>
    </message>
    <message>
        <source>Judge: the project&apos;s connection: %1.</source>
        <translation>判定モデル：プロジェクトの接続の %1。</translation>
    </message>
    <message>
        <source>Judge: none, the project is offline; set one up to have answers judged.</source>
        <translation>判定モデル：なし（プロジェクトはオフラインです）。回答を判定させるには設定してください。</translation>
    </message>
    <message>
        <source>Asked about every answer.</source>
        <translation>すべての回答を判定します。</translation>
    </message>
    <message>
        <source>Asked only about answers the other checks cannot decide.</source>
        <translation>他のチェックで判定できない回答のみを判定します。</translation>
    </message>
    <message>
        <source>It is the model under test: a stronger model judges more like a person (e.g. gpt-4o for gpt-4o-mini).</source>
        <translation>評価対象と同じモデルです。より高性能なモデルの方が人の判断に近くなります（例：gpt-4o-mini には gpt-4o）。</translation>
    </message>
</context>
<context>
    <name>KeyBox</name>
    <message>
        <source>Keep the saved key</source>
        <translation>保存済みのキーを使う</translation>
    </message>
    <message>
        <source>Re&amp;place…</source>
        <translation>置き換え(&amp;P)…</translation>
    </message>
    <message>
        <source>For&amp;get</source>
        <translation>削除(&amp;G)</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>Key kept for this session only (%1)</source>
        <translation>キーはこのセッションの間だけ保持しています（%1）</translation>
    </message>
    <message>
        <source>Key saved in the system keychain (%1)</source>
        <translation>キーはシステムのキーチェーンに保存済みです（%1）</translation>
    </message>
    <message>
        <source>Using the key in the environment variable %1 (%2)</source>
        <translation>環境変数 %1 のキーを使っています（%2）</translation>
    </message>
    <message>
        <source>Optional: local servers usually accept any key</source>
        <translation>省略可：ローカルサーバーは通常どのキーでも受け付けます</translation>
    </message>
    <message>
        <source>Paste the API key; it is kept in the system keychain, never in the project</source>
        <translation>API キーを貼り付けてください。システムのキーチェーンに保管し、プロジェクトには保存しません</translation>
    </message>
    <message>
        <source>To use a key saved here instead, remove that environment variable.</source>
        <translation>ここに保存したキーを使うには、その環境変数を削除してください。</translation>
    </message>
    <message>
        <source>This computer has no system keychain: a key saved here is kept until the app closes, and you paste it again next time.</source>
        <translation>このコンピューターにはシステムのキーチェーンがありません。ここで保存したキーはアプリを閉じるまで保持され、次回はもう一度貼り付けます。</translation>
    </message>
</context>
<context>
    <name>KnowledgeErrors</name>
    <message>
        <source>Chunk size {value} is out of range.</source>
        <translation>チャンクサイズ {value} は範囲外です。</translation>
    </message>
    <message>
        <source>Use between 50 and 20000 characters.</source>
        <translation>50〜20000 文字にしてください。</translation>
    </message>
    <message>
        <source>Chunk overlap {value} is out of range.</source>
        <translation>チャンクの重なり {value} は範囲外です。</translation>
    </message>
    <message>
        <source>Use at least 0 and at most half the chunk size.</source>
        <translation>0 以上、チャンクサイズの半分以下にしてください。</translation>
    </message>
    <message>
        <source>top-k {value} is out of range.</source>
        <translation>top-k {value} は範囲外です。</translation>
    </message>
    <message>
        <source>Use between 1 and 100 passages.</source>
        <translation>1〜100 件のパッセージにしてください。</translation>
    </message>
    <message>
        <source>Fusion weight {value} is out of range.</source>
        <translation>融合の重み {value} は範囲外です。</translation>
    </message>
    <message>
        <source>Use 0 (keywords only) to 1 (meaning only); 0.5 weighs both equally.</source>
        <translation>0（キーワードのみ）〜1（意味のみ）にしてください。0.5 なら両方を同じ重みで使います。</translation>
    </message>
    <message>
        <source>The vector index in {folder} cannot be opened ({problem}).</source>
        <translation>{folder} のベクトルインデックスを開けません（{problem}）。</translation>
    </message>
    <message>
        <source>Delete the project&apos;s knowledge/chroma folder and add the documents again.</source>
        <translation>プロジェクトの knowledge/chroma フォルダーを削除し、文書をもう一度追加してください。</translation>
    </message>
    <message>
        <source>The search text is empty.</source>
        <translation>検索するテキストが空です。</translation>
    </message>
    <message>
        <source>Type a question or some keywords.</source>
        <translation>質問かキーワードを入力してください。</translation>
    </message>
    <message>
        <source>{source} is not in the knowledge base.</source>
        <translation>{source} はナレッジベースにありません。</translation>
    </message>
    <message>
        <source>Check the file name against the list of documents.</source>
        <translation>文書の一覧でファイル名を確認してください。</translation>
    </message>
    <message>
        <source>The knowledge base has no documents yet, so retrieval cannot be measured.</source>
        <translation>ナレッジベースにまだ文書がないため、検索を測定できません。</translation>
    </message>
    <message>
        <source>Add documents on the Knowledge page (or with knowledge-add) first.</source>
        <translation>先にナレッジのページ（または knowledge-add）で文書を追加してください。</translation>
    </message>
    <message>
        <source>Every expected answer is a yes/no (or true/false), which no document states word for word, so retrieval cannot be measured by looking for it.</source>
        <translation>期待される答えがすべて「はい/いいえ」（または真/偽）で、文書にそのまま書かれることはないため、それを探して検索を測定することはできません。</translation>
    </message>
    <message>
        <source>Add rows whose expected answer is a fact the documents hold, or judge retrieval from a RAG run&apos;s answers.</source>
        <translation>文書にある事実を期待される答えとする行を追加するか、RAG 実行の回答から検索を判断してください。</translation>
    </message>
    <message>
        <source>No evaluation row has both an input and an expected answer.</source>
        <translation>入力と期待される答えの両方がある評価行がありません。</translation>
    </message>
    <message>
        <source>Import an evaluation set and map its expected-answer column.</source>
        <translation>評価セットを読み込み、期待される答えの列を割り当ててください。</translation>
    </message>
    <message>
        <source>The knowledge index in {folder} is damaged ({problem}).</source>
        <translation>{folder} のナレッジの索引が壊れています（{problem}）。</translation>
    </message>
    <message>
        <source>Delete the project&apos;s knowledge folder and add the documents again.</source>
        <translation>プロジェクトの knowledge フォルダーを削除して、文書を追加し直してください。</translation>
    </message>
    <message>
        <source>The embedding model “{model}” needs a connection.</source>
        <translation>埋め込みモデル「{model}」を使うには接続が必要です。</translation>
    </message>
    <message>
        <source>Set up a connection, or switch the knowledge embedding to offline.</source>
        <translation>接続を設定するか、ナレッジの埋め込みをオフラインに切り替えてください。</translation>
    </message>
    <message>
        <source>The embedding server returned a different number of vectors than texts sent.</source>
        <translation>埋め込みサーバーが返したベクトルの数が、送ったテキストの数と一致しません。</translation>
    </message>
    <message>
        <source>Check the embedding model name in the connection settings.</source>
        <translation>接続設定の埋め込みモデル名を確認してください。</translation>
    </message>
    <message>
        <source>Unknown offline embedding “{name}”.</source>
        <translation>オフライン埋め込み「{name}」は不明です。</translation>
    </message>
    <message>
        <source>Use one of: {choices}.</source>
        <translation>次のいずれかを使ってください: {choices}。</translation>
    </message>
    <message>
        <source>Unknown embedding choice “{choice}”.</source>
        <translation>埋め込みの指定「{choice}」は不明です。</translation>
    </message>
    <message>
        <source>Use &apos;offline:wordllama&apos; or &apos;provider:&lt;embedding model&gt;&apos;.</source>
        <translation>&apos;offline:wordllama&apos; か &apos;provider:&lt;埋め込みモデル&gt;&apos; を使ってください。</translation>
    </message>
    <message>
        <source>The text encoding of this file could not be recognized.</source>
        <translation>このファイルの文字コードを判別できませんでした。</translation>
    </message>
    <message>
        <source>Save it as UTF-8 and add it again.</source>
        <translation>UTF-8 で保存してから、もう一度追加してください。</translation>
    </message>
    <message>
        <source>{name} is not a text file: it looks like {kind}.</source>
        <translation>{name} はテキストファイルではありません（{kind} のようです）。</translation>
    </message>
    <message>
        <source>Add the document itself (txt, md, pdf, docx, html or csv), or save it as text.</source>
        <translation>文書そのもの（txt、md、pdf、docx、html、csv）を追加するか、テキストとして保存してください。</translation>
    </message>
    <message>
        <source>This PDF is password-protected.</source>
        <translation>この PDF はパスワードで保護されています。</translation>
    </message>
    <message>
        <source>Save an unprotected copy and add that.</source>
        <translation>保護を外したコピーを保存して、そちらを追加してください。</translation>
    </message>
    <message>
        <source>This PDF could not be read ({problem}).</source>
        <translation>この PDF を読み込めませんでした（{problem}）。</translation>
    </message>
    <message>
        <source>Check that the file opens in a PDF viewer, or export it again.</source>
        <translation>PDF ビューアーで開けるか確認するか、もう一度書き出してください。</translation>
    </message>
    <message>
        <source>This PDF has no text layer (it may be scanned images).</source>
        <translation>この PDF にはテキスト層がありません（スキャンした画像かもしれません）。</translation>
    </message>
    <message>
        <source>Run text recognition (OCR) on it first.</source>
        <translation>先に文字認識（OCR）をかけてください。</translation>
    </message>
    <message>
        <source>Open it in Word and save it again, or add the text as a .txt file.</source>
        <translation>Word で開いて保存し直すか、本文を .txt ファイルとして追加してください。</translation>
    </message>
    <message>
        <source>This Word file could not be read ({problem}).</source>
        <translation>この Word ファイルを読み込めませんでした（{problem}）。</translation>
    </message>
    <message>
        <source>Open it in Word and save it again as .docx.</source>
        <translation>Word で開いて .docx として保存し直してください。</translation>
    </message>
    <message>
        <source>{name}: this file type ({suffix}) is not supported.</source>
        <translation>{name}: この種類のファイル（{suffix}）には対応していません。</translation>
    </message>
    <message>
        <source>{name}: a file without an extension is not supported.</source>
        <translation>{name}: 拡張子のないファイルには対応していません。</translation>
    </message>
    <message>
        <source>Use txt, md, pdf, docx, html or csv.</source>
        <translation>txt、md、pdf、docx、html、csv のいずれかを使ってください。</translation>
    </message>
    <message>
        <source>{name} cannot be opened (permission denied).</source>
        <translation>{name} を開けません（アクセス権がありません）。</translation>
    </message>
    <message>
        <source>Check the file&apos;s permissions.</source>
        <translation>ファイルのアクセス権を確認してください。</translation>
    </message>
    <message>
        <source>{name} cannot be read ({problem}).</source>
        <translation>{name} を読み込めません（{problem}）。</translation>
    </message>
    <message>
        <source>Check that the file exists and is not locked.</source>
        <translation>ファイルが存在し、ロックされていないことを確認してください。</translation>
    </message>
    <message>
        <source>{name} contains no text.</source>
        <translation>{name} にはテキストがありません。</translation>
    </message>
    <message>
        <source>Check that it is the right file.</source>
        <translation>正しいファイルか確認してください。</translation>
    </message>
    <message>
        <source>The Japanese word analyser could not be loaded ({problem}).</source>
        <translation>日本語の形態素解析器を読み込めませんでした（{problem}）。</translation>
    </message>
    <message>
        <source>Switch the keyword tokenisation back to character pairs, or reinstall the app.</source>
        <translation>キーワードの分割方法を文字 2-gram に戻すか、アプリを再インストールしてください。</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <source>Added</source>
        <translation>追加日時</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged, skipped</source>
        <translation>変更なし（スキップ）</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>未追加</translation>
    </message>
    <message>
        <source>The file or folder was not found.</source>
        <translation>ファイルまたはフォルダーが見つかりません。</translation>
    </message>
    <message>
        <source>This is not a regular file (a pipe or a device); add a saved document.</source>
        <translation>通常のファイルではありません（パイプまたはデバイス）。保存された文書を追加してください。</translation>
    </message>
    <message>
        <source>This type of file is not supported; use txt, md, pdf, docx, html or csv.</source>
        <translation>この種類のファイルには対応していません。txt、md、pdf、docx、html、csv を使ってください。</translation>
    </message>
    <message>
        <source>The PDF is password-protected; add an unprotected copy.</source>
        <translation>PDF がパスワードで保護されています。保護されていないコピーを追加してください。</translation>
    </message>
    <message>
        <source>The file is damaged or is not what its name says; open it and save it again.</source>
        <translation>ファイルが壊れているか、名前と中身が合っていません。ファイルを開いて保存し直してください。</translation>
    </message>
    <message>
        <source>The PDF has no text layer (scanned pages); run text recognition (OCR) first.</source>
        <translation>PDF にテキストがありません（スキャンしたページ）。先に文字認識（OCR）をかけてください。</translation>
    </message>
    <message>
        <source>The text encoding was not recognized; save the file as UTF-8.</source>
        <translation>文字コードを認識できませんでした。UTF-8 で保存してください。</translation>
    </message>
    <message>
        <source>The file may not be opened (permission denied).</source>
        <translation>ファイルを開く権限がありません。</translation>
    </message>
    <message>
        <source>The file could not be read; it may be locked or moved.</source>
        <translation>ファイルを読み込めませんでした。ロックされているか、移動された可能性があります。</translation>
    </message>
    <message>
        <source>The file contains no text.</source>
        <translation>ファイルにテキストがありません。</translation>
    </message>
    <message>
        <source>The file is not text (an image, an archive or a program?); add the document itself.</source>
        <translation>ファイルがテキストではありません（画像、アーカイブ、プログラム？）。ドキュメントそのものを追加してください。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>%1 page</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 ページ</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 件追加</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>%1 件更新</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 件変更なし</translation>
    </message>
    <message>
        <source>%1 not added</source>
        <translation>%1 件未追加</translation>
    </message>
    <message>
        <source>no files found</source>
        <translation>ファイルが見つかりません</translation>
    </message>
    <message>
        <source>Stopped: %1. The files already indexed stay; add the rest again to finish.</source>
        <translation>中止しました：%1。インデックス済みのファイルは残ります。続きは残りのファイルをもう一度追加してください。</translation>
    </message>
    <message>
        <source>Last addition: %1.</source>
        <translation>前回の追加：%1。</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>ドキュメントはまだありません</translation>
    </message>
    <message>
        <source>built-in offline embedding</source>
        <translation>内蔵のオフライン埋め込み</translation>
    </message>
    <message>
        <source>embedding by %1</source>
        <translation>%1 による埋め込み</translation>
    </message>
    <message>
        <source>%1 documents · %2 passages · %3</source>
        <translation>ドキュメント %1 件 · パッセージ %2 件 · %3</translation>
    </message>
    <message>
        <source>Indexing file %1 of %2: %3</source>
        <translation>ファイル %1 / %2 をインデックス中：%3</translation>
    </message>
    <message>
        <source>Embedding passages: %1 of %2</source>
        <translation>パッセージを埋め込み中：%1 / %2</translation>
    </message>
    <message>
        <source>Updating the keyword index…</source>
        <translation>キーワードインデックスを更新しています…</translation>
    </message>
    <message>
        <source>Searching for question %1 of %2</source>
        <translation>質問 %1 / %2 を検索しています</translation>
    </message>
    <message>
        <source>%1 of %2 documents were split with other chunk settings than the saved ones. Index them again for the new settings to apply.</source>
        <translation>%2 件のドキュメントのうち %1 件は、保存済みと異なるチャンク設定で分割されています。新しい設定を反映するには、もう一度インデックスを作成してください。</translation>
    </message>
    <message>
        <source>%1 of %2 passages have no vectors for the chosen embedding yet. Index them again to embed them.</source>
        <translation>%2 件のパッセージのうち %1 件には、選んだ埋め込みのベクトルがまだありません。埋め込むには、もう一度インデックスを作成してください。</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>ナレッジ</translation>
    </message>
    <message>
        <source>Optional. Add the documents the model should draw on (manuals, FAQs, policies); they are split into passages and indexed on this computer, so RAG variants can put the best passages into the prompt.</source>
        <translation>省略可。モデルが参照するドキュメント（マニュアル、FAQ、規程など）を追加します。ドキュメントはパッセージに分割され、このコンピューター上でインデックス化されるので、RAG のバリアントは最適なパッセージをプロンプトに入れられます。</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>ファイルを追加(&amp;F)…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>フォルダーを追加(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>ドキュメント(&amp;D)</translation>
    </message>
    <message>
        <source>Searc&amp;h</source>
        <translation>検索(&amp;H)</translation>
    </message>
    <message>
        <source>Read&amp;iness</source>
        <translation>準備度(&amp;I)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>設定(&amp;T)</translation>
    </message>
    <message>
        <source>Retrieval &amp;lab</source>
        <translation>検索ラボ(&amp;L)</translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>ドキュメントの追加</translation>
    </message>
    <message>
        <source>Documents (%1);;All files (*)</source>
        <translation>ドキュメント (%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Add every document in a folder</source>
        <translation>フォルダー内のすべてのドキュメントを追加</translation>
    </message>
    <message>
        <source>Added next, when the current indexing finishes: %1</source>
        <translation>現在のインデックス作成が終わったら次に追加：%1</translation>
    </message>
    <message>
        <source>Removed from the index: %1. The files themselves are untouched.</source>
        <translation>インデックスから削除しました：%1。ファイル自体には手を加えていません。</translation>
    </message>
    <message>
        <source>None of the files could be added.</source>
        <translation>どのファイルも追加できませんでした。</translation>
    </message>
    <message>
        <source>The list below says why for each file.</source>
        <translation>下の一覧に、ファイルごとの理由が表示されています。</translation>
    </message>
    <message>
        <source>The RAG runs %1 were made with the documents as they were before: run them again to measure retrieval with these.</source>
        <translation>RAG の実行 %1 は以前の文書で行われたものです。今の文書で検索を測るには、もう一度実行してください。</translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message>
        <source>Recall</source>
        <translation>再現率</translation>
    </message>
    <message>
        <source>MRR</source>
        <translation>MRR</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>キーワード</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>埋め込み</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Expected answer</source>
        <translation>期待される回答</translation>
    </message>
    <message>
        <source>Japanese words</source>
        <translation>日本語の単語</translation>
    </message>
    <message>
        <source>character pairs</source>
        <translation>2文字ずつ</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内蔵</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>now: the project&apos;s setting; re-ranked: passages ordered by the model&apos;s ratings</source>
        <translation>使用中: プロジェクトの現在の設定です。リランク済み: モデルの評価順に並べ替えたパッセージです</translation>
    </message>
    <message>
        <source>Questions whose answer is in the passages given</source>
        <translation>渡すパッセージに答えが含まれる質問の割合です</translation>
    </message>
    <message>
        <source>How high the answer ranks (1 = always first)</source>
        <translation>答えが何位に来るか（1 = 常に 1 位）</translation>
    </message>
    <message>
        <source>ms/q</source>
        <translation>ミリ秒/問</translation>
    </message>
    <message>
        <source>Milliseconds of search per question</source>
        <translation>質問 1 件あたりの検索時間（ミリ秒）です</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>チャンク数</translation>
    </message>
    <message>
        <source>Passages in the index: its size</source>
        <translation>インデックス内のパッセージ数（インデックスの大きさ）です</translation>
    </message>
    <message>
        <source>Chars</source>
        <translation>文字数</translation>
    </message>
    <message>
        <source>Characters of passages a question gets: what a prompt pays for</source>
        <translation>質問 1 件に渡すパッセージの文字数です（プロンプトのコストになります）</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Chunk size / overlap, in characters</source>
        <translation>チャンクサイズ / オーバーラップ（文字数）です</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Passages per question (top k)</source>
        <translation>質問あたりのパッセージ数（上位 k）です</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Weight of meaning against keywords (0 = keywords only)</source>
        <translation>キーワードに対する意味の重み（0 = キーワードのみ）です</translation>
    </message>
    <message>
        <source>How keywords are cut from Japanese text</source>
        <translation>日本語のテキストからキーワードを切り出す方法です</translation>
    </message>
    <message>
        <source>now</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>re-ranked</source>
        <translation>リランク済み</translation>
    </message>
    <message>
        <source>Japanese</source>
        <comment>keywords: Japanese words</comment>
        <translation>日本語</translation>
    </message>
    <message>
        <source>pairs</source>
        <comment>keywords: character pairs</comment>
        <translation>文字ペア</translation>
    </message>
    <message>
        <source>word hashing</source>
        <translation>単語ハッシュ</translation>
    </message>
    <message>
        <source>The lab tries many retrieval settings on copies of the index (chunk size, passages per question, keywords against meaning, Japanese words, the built-in embeddings) and measures each by readiness. No model is called (unless you choose to re-rank) and your index is not changed until you use a setting.</source>
        <translation>ラボはインデックスのコピー上で多くの検索設定（チャンクサイズ、質問あたりのパッセージ数、キーワードと意味の比重、日本語の単語、内蔵の埋め込み）を試し、それぞれを準備度で測ります。リランクを選ばない限りモデルは呼び出さず、設定を使うまでインデックスは変更しません。</translation>
    </message>
    <message>
        <source>&amp;Re-rank the best…</source>
        <translation>上位をリランク(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Run the lab</source>
        <translation>ラボを実行(&amp;R)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>&amp;Use this setting</source>
        <translation>この設定を使う(&amp;U)</translation>
    </message>
    <message>
        <source>Save the selected setting and index the documents again for it</source>
        <translation>選んだ設定を保存し、その設定でドキュメントを再インデックスします</translation>
    </message>
    <message>
        <source>Settings measured, best first</source>
        <translation>測定した設定（良い順）</translation>
    </message>
    <message>
        <source>Questions no setting could answer</source>
        <translation>どの設定でも答えが見つからなかった質問</translation>
    </message>
    <message>
        <source>Re-ranking…</source>
        <translation>リランク中…</translation>
    </message>
    <message>
        <source>Trying settings…</source>
        <translation>設定を試しています…</translation>
    </message>
    <message>
        <source>Best: %1 of questions found (MRR %2), against %3 (MRR %4) now.</source>
        <translation>最良：質問の %1 で答えが見つかります（MRR %2）。現在は %3（MRR %4）です。</translation>
    </message>
    <message>
        <source>The current setting is already among the best: %1 of questions found (MRR %2).</source>
        <translation>現在の設定はすでに最良の一つです：質問の %1 で答えが見つかります（MRR %2）。</translation>
    </message>
    <message>
        <source>%1 settings measured on %2 questions in %3 s.</source>
        <translation>%2 件の質問で %1 通りの設定を %3 秒で測定しました。</translation>
    </message>
    <message>
        <source>Stopped early: the table covers the settings measured.</source>
        <translation>途中で停止しました：表には測定済みの設定だけが載っています。</translation>
    </message>
    <message>
        <source>Re-ranking needs a connected model.</source>
        <translation>リランクには接続済みのモデルが必要です。</translation>
    </message>
    <message>
        <source>Add documents for this question: no setting found its answer in the passages.</source>
        <translation>この質問にはドキュメントを追加してください：どの設定でもパッセージに答えが見つかりませんでした。</translation>
    </message>
    <message>
        <source>Add documents for these %1 questions: no setting found their answer in the passages.</source>
        <translation>次の %1 件の質問にはドキュメントを追加してください：どの設定でもパッセージに答えが見つかりませんでした。</translation>
    </message>
    <message>
        <source>Measure the best settings again with their passages re-ranked by the model (its cost is shown first)</source>
        <translation>上位の設定を、モデルでパッセージをリランクしてもう一度測ります（先に費用を表示します）</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>料金不明</translation>
    </message>
    <message>
        <source>Re-ranking the %1 best settings asks %2 to rate their passages: about %3 calls, %4 tokens, %5 (%6 ratings are already known and free). Make the calls now?</source>
        <translation>上位 %1 件の設定をリランクするため、%2 にパッセージを評価させます: 約 %3 回の呼び出し、%4 トークン、%5 です（%6 件の評価は取得済みで無料です）。今すぐ呼び出しますか？</translation>
    </message>
    <message>
        <source>Re-rank with the model?</source>
        <translation>モデルでリランクしますか？</translation>
    </message>
</context>
<context>
    <name>LabRerank</name>
    <message>
        <source>Re-ranking asks a model to rate passages; this project is offline. Connect a model (or a judge) under Connection to try it.</source>
        <translation>リランクはモデルにパッセージを評価させますが、このプロジェクトはオフラインです。試すには「接続」でモデル（またはジャッジ）を接続してください。</translation>
    </message>
    <message>
        <source>Run the lab without re-ranking, or connect a model.</source>
        <translation>リランクなしでラボを実行するか、モデルを接続してください。</translation>
    </message>
</context>
<context>
    <name>Ladder</name>
    <message>
        <source>Baseline</source>
        <translation>ベースライン</translation>
    </message>
    <message>
        <source>+ clear instructions</source>
        <translation>＋明確な指示</translation>
    </message>
    <message>
        <source>+ step-by-step</source>
        <translation>＋段階的思考</translation>
    </message>
    <message>
        <source>+ few-shot (k=%1)</source>
        <translation>＋Few-shot（k=%1）</translation>
    </message>
    <message>
        <source>RAG (top-%1)</source>
        <translation>RAG（top-%1）</translation>
    </message>
    <message>
        <source>RAG (top-k from Knowledge)</source>
        <translation>RAG（top-k はナレッジの設定）</translation>
    </message>
    <message>
        <source>RAG + few-shot (k=%1)</source>
        <translation>RAG＋Few-shot（k=%1）</translation>
    </message>
    <message>
        <source>Fine-tuned (%1)</source>
        <translation>ファインチューニング済み（%1）</translation>
    </message>
    <message>
        <source>Fine-tuned (no model id yet)</source>
        <translation>ファインチューニング済み（モデル ID 未設定）</translation>
    </message>
    <message>
        <source>Fine-tuned + RAG</source>
        <translation>ファインチューニング済み＋RAG</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>few-shot</source>
        <translation>Few-shot</translation>
    </message>
    <message>
        <source>fine-tuned</source>
        <translation>ファインチューニング済み</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>tuned RAG</source>
        <translation>調整済み RAG</translation>
    </message>
    <message>
        <source>clear instructions</source>
        <translation>明確な指示</translation>
    </message>
    <message>
        <source>step-by-step</source>
        <translation>段階的思考</translation>
    </message>
    <message>
        <source>few-shot examples</source>
        <translation>Few-shot の例</translation>
    </message>
    <message>
        <source>retrieval (RAG)</source>
        <translation>検索（RAG）</translation>
    </message>
    <message>
        <source>tuned retrieval</source>
        <translation>検索の調整</translation>
    </message>
    <message>
        <source>fine-tuned model</source>
        <translation>ファインチューニング済みモデル</translation>
    </message>
</context>
<context>
    <name>Leaderboard</name>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Techniques</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>振る舞い</translation>
    </message>
    <message>
        <source>Pass
rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Latency
p50 / p95</source>
        <translation>レイテンシ
p50 / p95</translation>
    </message>
    <message>
        <source>Tokens /
request</source>
        <translation>トークン /
リクエスト</translation>
    </message>
    <message>
        <source>Cost /
1k req.</source>
        <translation>コスト /
1k リクエスト</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Share of rows whose answer carries the right facts (content checks).</source>
        <translation>回答が正しい事実を含む行の割合（内容チェック）。</translation>
    </message>
    <message>
        <source>Share of rows whose answer acts right: format, length, language (behaviour checks).</source>
        <translation>回答が正しく振る舞う行の割合：書式、長さ、言語（振る舞いチェック）。</translation>
    </message>
    <message>
        <source>Share of rows that passed every check.</source>
        <translation>すべてのチェックに合格した行の割合。</translation>
    </message>
    <message>
        <source>Time to an answer: half came faster than p50, 19 in 20 faster than p95. Sorted by p50.</source>
        <translation>回答までの時間：半数は p50 より速く、20 件中 19 件は p95 より速く返りました。p50 で並べ替えます。</translation>
    </message>
    <message>
        <source>Prompt plus answer tokens per request, on average.</source>
        <translation>1 リクエストあたりのプロンプトと回答の平均トークン数。</translation>
    </message>
    <message>
        <source>What 1,000 requests like these cost at the project&apos;s prices (— when a price or the usage is unknown).</source>
        <translation>このようなリクエスト 1,000 件にかかる、プロジェクトの料金設定でのコスト（料金または使用量が不明な場合は —）。</translation>
    </message>
    <message>
        <source>Evaluation rows with a result; “12 of 30” when some were never answered (they count as failed).</source>
        <translation>結果のある評価行の数。回答のない行がある場合は「30 行中 12 行」のように表示します（その行は不合格に数えます）。</translation>
    </message>
    <message>
        <source>%1 · cancelled</source>
        <translation>%1 · キャンセル済み</translation>
    </message>
    <message>
        <source>%1 · stopped</source>
        <translation>%1 · 中止</translation>
    </message>
    <message>
        <source>%1 · waiting for its batch</source>
        <translation>%1 · バッチの結果待ち</translation>
    </message>
    <message>
        <source>%1 · unfinished</source>
        <translation>%1 · 未完了</translation>
    </message>
    <message>
        <source>%1: imported from %2</source>
        <translation>%1：%2 からインポート</translation>
    </message>
    <message>
        <source>%1: run with %2</source>
        <translation>%1：%2 で実行</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 中 %1</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新規プロジェクト(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>プロジェクトを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Sample Project</source>
        <translation>サンプルプロジェクトを開く(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Recent Projects</source>
        <translation>最近使ったプロジェクト(&amp;R)</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>設定(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>E&amp;xport Results…</source>
        <translation>結果を書き出し(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run Selected Variants</source>
        <translation>選択したバリアントを実行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Show &amp;Log Folder</source>
        <translation>ログフォルダーを表示(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About LLM Path Advisor</source>
        <translation>LLM Path Advisor について(&amp;A)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Opening the sample project…</source>
        <translation>サンプルプロジェクトを開いています…</translation>
    </message>
    <message>
        <source>Opening the project…</source>
        <translation>プロジェクトを開いています…</translation>
    </message>
    <message>
        <source>Creating the project…</source>
        <translation>プロジェクトを作成しています…</translation>
    </message>
    <message>
        <source>Open a project folder</source>
        <translation>プロジェクトフォルダーを開く</translation>
    </message>
    <message>
        <source>The sample project is not available in this build.</source>
        <translation>このビルドにはサンプルプロジェクトが含まれていません。</translation>
    </message>
    <message>
        <source>The project was changed by another program; its changes are shown now.</source>
        <translation>プロジェクトが別のプログラムで変更されました。その変更を反映して表示しています。</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>最近使ったプロジェクトはありません</translation>
    </message>
    <message>
        <source>About LLM Path Advisor</source>
        <translation>LLM Path Advisor について</translation>
    </message>
    <message>
        <source>LLM Path Advisor %1

Measure an LLM feature and learn what to do next: better prompts, RAG, fine-tuning, or both.</source>
        <translation>LLM Path Advisor %1

LLM を使った機能を測定し、次に何をすべきか（プロンプトの改善、RAG、ファインチューニング、またはその両方）を示します。</translation>
    </message>
    <message>
        <source>Closing: finishing the work in progress…</source>
        <translation>終了しています：実行中の処理を完了しています…</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>%1. %2 · %3</source>
        <translation>%1. %2 · %3</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 ほか %2 件</translation>
    </message>
    <message>
        <source>Techniques: %1</source>
        <translation>手法：%1</translation>
    </message>
    <message>
        <source>Pass rate %1 · content %2 · behaviour %3</source>
        <translation>合格率 %1 · 内容 %2 · 振る舞い %3</translation>
    </message>
    <message>
        <source>%1 rows, %2 without an answer</source>
        <translation>%1 行（うち回答なし %2 行）</translation>
    </message>
    <message>
        <source>The advice starts from this run.</source>
        <translation>アドバイスはこの実行を基準にしています。</translation>
    </message>
    <message>
        <source>Click to open this run in Results.</source>
        <translation>クリックすると、この実行を結果で開きます。</translation>
    </message>
    <message>
        <source>%1 runs in the same place:</source>
        <translation>同じ位置に %1 件の実行：</translation>
    </message>
    <message>
        <source>Click to open “%1” in Results.</source>
        <translation>クリックすると「%1」を結果で開きます。</translation>
    </message>
</context>
<context>
    <name>MappingPanel</name>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Expected output</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <source>&amp;Input *:</source>
        <translation>入力 *(&amp;I):</translation>
    </message>
    <message>
        <source>E&amp;xpected output *:</source>
        <translation>正解 *(&amp;X):</translation>
    </message>
    <message>
        <source>I&amp;d:</source>
        <translation>ID(&amp;D):</translation>
    </message>
    <message>
        <source>Con&amp;text:</source>
        <translation>コンテキスト(&amp;T):</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>カテゴリ(&amp;G):</translation>
    </message>
    <message>
        <source>The question or prompt sent to the model. Required.</source>
        <translation>モデルに送る質問またはプロンプト。必須です。</translation>
    </message>
    <message>
        <source>The correct answer each output is compared with. Required.</source>
        <translation>各出力と比較する正しい答え。必須です。</translation>
    </message>
    <message>
        <source>A unique id per row. Without one, ids are made from the content.</source>
        <translation>行ごとの一意の ID。ない場合は内容から作成します。</translation>
    </message>
    <message>
        <source>Reference text for the row, if your file has it.</source>
        <translation>その行の参考テキスト（ファイルにある場合）。</translation>
    </message>
    <message>
        <source>A group name, to filter and compare results by category.</source>
        <translation>グループ名。カテゴリごとに結果を絞り込んだり比較したりできます。</translation>
    </message>
    <message>
        <source>* required. The app&apos;s guess is preselected; change it if it is wrong.</source>
        <translation>* は必須です。アプリの推測があらかじめ選ばれています。違っていれば変更してください。</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>（列を選択）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Choose the %1 column.</source>
        <translation>%1 の列を選んでください。</translation>
    </message>
    <message>
        <source>Column “%1” is chosen for two roles; give each role its own column.</source>
        <translation>列「%1」が 2 つの役割に選ばれています。役割ごとに別の列を選んでください。</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新規プロジェクト</translation>
    </message>
    <message>
        <source>A project is one folder: your evaluation set, settings, index and results all live in it. Next you will import the evaluation set.</source>
        <translation>プロジェクトは 1 つのフォルダーです。評価セット、設定、インデックス、結果がすべてその中に保存されます。次に評価セットをインポートします。</translation>
    </message>
    <message>
        <source>My project</source>
        <translation>マイプロジェクト</translation>
    </message>
    <message>
        <source>e.g. Support chatbot evaluation</source>
        <translation>例：サポートチャットボットの評価</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Project &amp;name:</source>
        <translation>プロジェクト名(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>保存場所(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Create and import data</source>
        <translation>作成してデータをインポート(&amp;C)</translation>
    </message>
    <message>
        <source>Give the project a name.</source>
        <translation>プロジェクトに名前を付けてください。</translation>
    </message>
    <message>
        <source>Use at least one letter or digit in the name.</source>
        <translation>名前には英字か数字を少なくとも 1 文字使ってください。</translation>
    </message>
    <message>
        <source>Choose where to keep the project (a full folder path).</source>
        <translation>プロジェクトの保存場所（フォルダーのフルパス）を選んでください。</translation>
    </message>
    <message>
        <source>The location is a file, not a folder.</source>
        <translation>保存場所がフォルダーではなくファイルです。</translation>
    </message>
    <message>
        <source>A project with this name already exists there. Open it instead, or pick another name.</source>
        <translation>この名前のプロジェクトはすでにあります。そちらを開くか、別の名前を付けてください。</translation>
    </message>
    <message>
        <source>A file with this name already exists there. Pick another name.</source>
        <translation>この名前のファイルがすでにあります。別の名前を付けてください。</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>フォルダー：%1</translation>
    </message>
    <message>
        <source>Where to keep the project</source>
        <translation>プロジェクトの保存場所</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>{value} s</source>
        <translation>{value} 秒</translation>
    </message>
</context>
<context>
    <name>PassageCard</name>
    <message>
        <source>%1, page %2</source>
        <translation>%1、%2 ページ</translation>
    </message>
    <message>
        <source>%1. %2 · relevance %3</source>
        <translation>%1. %2 · 関連度 %3</translation>
    </message>
</context>
<context>
    <name>PrepareTab</name>
    <message>
        <source>Training examples come from the examples pool: each is the prompt of the chosen variant with the expected answer. Check them before anything is sent.</source>
        <translation>学習例は例のプールから作られます。各例は、選んだバリアントのプロンプトと期待される回答の組です。何かを送る前に点検してください。</translation>
    </message>
    <message>
        <source>&amp;Prompt of variant:</source>
        <translation>使うバリアントのプロンプト(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>方法(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Base model:</source>
        <translation>ベースモデル(&amp;B):</translation>
    </message>
    <message>
        <source>Tr&amp;aining price (USD per 1M tokens):</source>
        <translation>学習の価格（100 万トークンあたり米ドル）(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>エポック数(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Validation share:</source>
        <translation>検証用の割合(&amp;V):</translation>
    </message>
    <message>
        <source>unknown: enter USD per 1M training tokens to estimate the cost</source>
        <translation>不明：費用を見積もるには学習トークン 100 万あたりの米ドルを入力</translation>
    </message>
    <message>
        <source>USD per 1 million training tokens for this base model, kept with the project. Training is billed on the file&apos;s tokens times the epochs.</source>
        <translation>このベースモデルの学習トークン 100 万あたりの米ドル。プロジェクトに保存されます。学習料金はファイルのトークン数 × エポック数で請求されます。</translation>
    </message>
    <message>
        <source>Only examples a person reviewed as right</source>
        <translation>人が正しいとレビューした例だけ</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Azure OpenAI</source>
        <translation>Azure OpenAI</translation>
    </message>
    <message>
        <source>Local trainer (mlx-lm, axolotl, Unsloth, LLaMA-Factory)</source>
        <translation>ローカルの学習ツール（mlx-lm、axolotl、Unsloth、LLaMA-Factory）</translation>
    </message>
    <message>
        <source>Check the e&amp;xamples</source>
        <translation>例を点検(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Save training file…</source>
        <translation>学習ファイルを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Building and checking the examples…</source>
        <translation>例を作成して点検しています…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>対処</translation>
    </message>
    <message>
        <source>The training price is not a number.</source>
        <translation>学習の価格が数値ではありません。</translation>
    </message>
    <message>
        <source>Enter USD per 1 million training tokens, e.g. 3, or leave it empty.</source>
        <translation>学習トークン 100 万あたりの米ドルを入力してください（例：3）。空欄のままでもかまいません。</translation>
    </message>
    <message>
        <source>The options changed: check the examples again.</source>
        <translation>設定が変わりました。例をもう一度点検してください。</translation>
    </message>
    <message>
        <source>The examples could not be checked because of an internal error.</source>
        <translation>内部エラーのため例を点検できませんでした。</translation>
    </message>
    <message>
        <source>The details are in the log (Help → Show Log Folder).</source>
        <translation>詳細はログにあります（ヘルプ → ログフォルダーを表示）。</translation>
    </message>
    <message>
        <source>Save the training file</source>
        <translation>学習ファイルを保存</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Validation examples: %1</source>
        <translation>検証用の例：%1</translation>
    </message>
</context>
<context>
    <name>ProgressRows</name>
    <message>
        <source>not estimated yet</source>
        <translation>まだ見積もっていません</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1 waiting for a batch</source>
        <translation>バッチの結果待ち %1 行</translation>
    </message>
    <message>
        <source>done: every row has an answer</source>
        <translation>完了：すべての行に回答があります</translation>
    </message>
    <message>
        <source>%1 to do</source>
        <translation>残り %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (%2 from the cache, free)</source>
        <translation>%1（うち %2 はキャッシュから、無料）</translation>
    </message>
    <message>
        <source>%1 · resumes after %2 finished</source>
        <translation>%1 · %2 件完了の続きから再開</translation>
    </message>
    <message>
        <source>re-ranking passages: %1 of %2 ratings</source>
        <translation>パッセージをリランク中: 評価 %1 / %2 件</translation>
    </message>
    <message>
        <source>waiting for the rate limit: %1</source>
        <translation>レート制限の解除待ち：%1</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>残り時間 %1</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>cost unknown (no price for the model)</source>
        <translation>コスト不明（モデルの料金が未設定）</translation>
    </message>
    <message>
        <source>%1 spent</source>
        <translation>%1 使用</translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation>エラー %1 件</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>エラー %1 件</translation>
    </message>
    <message>
        <source>%1 from the cache</source>
        <translation>キャッシュから %1 件</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>待機中…</translation>
    </message>
</context>
<context>
    <name>ProjectErrors</name>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>a set of named values (an object)</source>
        <translation>名前付きの値の集まり（オブジェクト）</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>empty (null)</source>
        <translation>空（null）</translation>
    </message>
    <message>
        <source>project.json has an unreadable version field.</source>
        <translation>project.json の version の項目を読み取れません。</translation>
    </message>
    <message>
        <source>Restore the file from a backup or create a new project.</source>
        <translation>バックアップからファイルを復元するか、新しいプロジェクトを作成してください。</translation>
    </message>
    <message>
        <source>This project was saved by a newer version of the app (format {version}).</source>
        <translation>このプロジェクトは新しいバージョンのアプリで保存されています（形式 {version}）。</translation>
    </message>
    <message>
        <source>Update LLM Path Advisor to open it.</source>
        <translation>開くには LLM Path Advisor を更新してください。</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first}または{second}</translation>
    </message>
    <message>
        <source>The &quot;{key}&quot; section of project.json should be {want}, but it is {found}.</source>
        <translation>project.json の &quot;{key}&quot; の項目は{want}であるべきですが、{found}になっています。</translation>
    </message>
    <message>
        <source>Correct &quot;{key}&quot; in project.json (or delete the line to get the default back); your results and data are untouched.</source>
        <translation>project.json の &quot;{key}&quot; を直してください（行を削除すると既定値に戻ります）。結果とデータはそのまま残っています。</translation>
    </message>
    <message>
        <source>project.json in {root} is damaged ({problem}).</source>
        <translation>{root} の project.json が壊れています（{problem}）。</translation>
    </message>
    <message>
        <source>Restore it from a backup; your results in results.sqlite are untouched.</source>
        <translation>バックアップから復元してください。results.sqlite の結果はそのままです。</translation>
    </message>
    <message>
        <source>project.json in {root} cannot be read ({problem}).</source>
        <translation>{root} の project.json を読み込めません（{problem}）。</translation>
    </message>
    <message>
        <source>Check that the folder is still there and readable.</source>
        <translation>フォルダーがまだあり、読み取れることを確認してください。</translation>
    </message>
    <message>
        <source>{path} is not an LLM Path Advisor project file.</source>
        <translation>{path} は LLM Path Advisor のプロジェクトファイルではありません。</translation>
    </message>
    <message>
        <source>Choose a folder created by this app.</source>
        <translation>このアプリで作成したフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>The disk holding {root} is full: the project could not be saved.</source>
        <translation>{root} のあるディスクがいっぱいで、プロジェクトを保存できませんでした。</translation>
    </message>
    <message>
        <source>Free some disk space and save again; the project file is as it was before.</source>
        <translation>ディスクの空きを作ってからもう一度保存してください。プロジェクトファイルは以前のままです。</translation>
    </message>
    <message>
        <source>The project in {root} could not be saved ({problem}).</source>
        <translation>{root} のプロジェクトを保存できませんでした（{problem}）。</translation>
    </message>
    <message>
        <source>Check that the folder exists and is writable; the project file is as it was before.</source>
        <translation>フォルダーがあり書き込めるか確認してください。プロジェクトファイルは以前のままです。</translation>
    </message>
    <message>
        <source>A project already exists in {root}.</source>
        <translation>{root} にはすでにプロジェクトがあります。</translation>
    </message>
    <message>
        <source>Open it instead, or choose an empty folder.</source>
        <translation>そのプロジェクトを開くか、空のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>{root} is a file, not a folder.</source>
        <translation>{root} はファイルで、フォルダーではありません。</translation>
    </message>
    <message>
        <source>Choose a folder for the project.</source>
        <translation>プロジェクト用のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>No project found in {root} (project.json is missing).</source>
        <translation>{root} にプロジェクトが見つかりません（project.json がありません）。</translation>
    </message>
    <message>
        <source>Choose the folder that contains project.json, or create a new project.</source>
        <translation>project.json のあるフォルダーを選ぶか、新しいプロジェクトを作成してください。</translation>
    </message>
    <message>
        <source>Another program has been saving this project for more than 10 seconds.</source>
        <translation>別のプログラムが 10 秒以上このプロジェクトを保存し続けています。</translation>
    </message>
    <message>
        <source>Wait for it to finish (or close it) and try again.</source>
        <translation>そのプログラムの保存が終わるまで待つか、プログラムを閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>{name} was removed or replaced while the app was writing to it; the answers since then could not be kept.</source>
        <translation>アプリが書き込んでいる間に {name} が削除または置き換えられました。それ以降の回答は保存できませんでした。</translation>
    </message>
    <message>
        <source>Restore the file if it was moved (or start again: finished answers in the restored file are not paid again), and do not move project files during a run.</source>
        <translation>移動した場合はファイルを元に戻してください（またはやり直してください。戻したファイルにある回答済みの分は二重に支払いません）。実行中はプロジェクトのファイルを動かさないでください。</translation>
    </message>
    <message>
        <source>The results store {path} cannot be opened ({problem}).</source>
        <translation>結果ストア {path} を開けません（{problem}）。</translation>
    </message>
    <message>
        <source>Restore results.sqlite from a backup, or move it away to start afresh.</source>
        <translation>results.sqlite をバックアップから復元するか、別の場所に移して最初からやり直してください。</translation>
    </message>
    <message>
        <source>The results store {name} was written by a newer version of the app.</source>
        <translation>結果ストア {name} は新しいバージョンのアプリで書き込まれています。</translation>
    </message>
    <message>
        <source>Update LLM Path Advisor to open these results.</source>
        <translation>これらの結果を開くには LLM Path Advisor を更新してください。</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>フォルダー：</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新規プロジェクト(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>プロジェクトを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation>サンプルプロジェクトを開く(&amp;S)</translation>
    </message>
    <message>
        <source>Recent projects (double-click to open):</source>
        <translation>最近使ったプロジェクト（ダブルクリックで開く）：</translation>
    </message>
    <message>
        <source>No recent projects yet.</source>
        <translation>最近使ったプロジェクトはまだありません。</translation>
    </message>
    <message>
        <source>The project name could not be saved: %1</source>
        <translation>プロジェクト名を保存できませんでした：%1</translation>
    </message>
    <message>
        <source>This project is open. Use the steps on the left to work on it.</source>
        <translation>このプロジェクトを開いています。左のステップから作業を進めてください。</translation>
    </message>
    <message>
        <source>No project is open. Create one, open a folder, or start with the sample project.</source>
        <translation>プロジェクトが開かれていません。新しく作成するか、フォルダーを開くか、サンプルプロジェクトから始めてください。</translation>
    </message>
    <message>
        <source>This is the sample project.</source>
        <translation>これはサンプルプロジェクトです。</translation>
    </message>
    <message>
        <source>Its runs were written by hand for the tour, not produced by a model.</source>
        <translation>実行結果はツアー用に手作業で書いたもので、モデルが生成したものではありません。</translation>
    </message>
    <message>
        <source>It shows what the app does with made-up data. Create a new project to measure your own.</source>
        <translation>架空のデータでアプリの機能を紹介しています。ご自分のデータを測定するには、新しいプロジェクトを作成してください。</translation>
    </message>
</context>
<context>
    <name>PromptPreview</name>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>Assistant (example answer)</source>
        <translation>アシスタント（回答例）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>(the passages retrieved from your documents for this question go here)</source>
        <translation>（この質問に対してドキュメントから取得したパッセージがここに入ります）</translation>
    </message>
    <message>
        <source>your documents</source>
        <translation>ドキュメント</translation>
    </message>
    <message>
        <source>Loading the first evaluation row…</source>
        <translation>最初の評価行を読み込んでいます…</translation>
    </message>
    <message>
        <source>Import an evaluation set under Data to see the prompt of its first row here.</source>
        <translation>データで評価セットをインポートすると、最初の行のプロンプトがここに表示されます。</translation>
    </message>
</context>
<context>
    <name>ReadinessPanel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Expected answer</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>Top passage from</source>
        <translation>最上位のパッセージの出典</translation>
    </message>
    <message>
        <source>Check readiness searches the documents with every evaluation question and counts the questions whose expected answer is among the passages a RAG variant would get. No model is called.</source>
        <translation>「準備度をチェック」は、評価セットのすべての質問でドキュメントを検索し、RAG のバリアントが受け取るパッセージの中に正解がある質問の数を数えます。モデルは呼び出しません。</translation>
    </message>
    <message>
        <source>Check &amp;readiness</source>
        <translation>準備度をチェック(&amp;R)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Questions whose answer was not found</source>
        <translation>答えが見つからなかった質問</translation>
    </message>
    <message>
        <source>%1 of %2 questions have their answer in the top %3 passages (%4)</source>
        <translation>%2 問中 %1 問で、上位 %3 件のパッセージに答えがあります（%4）</translation>
    </message>
    <message>
        <source>Stopped before every question was checked; the numbers cover those checked.</source>
        <translation>すべての質問を確認する前に中止しました。数値は確認した分だけです。</translation>
    </message>
    <message>
        <source>%1 rows without an expected answer were left out.</source>
        <translation>正解のない %1 行は除外しました。</translation>
    </message>
    <message>
        <source>The questions below missed: their answer may be absent from the documents, worded differently, or ranked too low. Double-click one to see what the search finds.</source>
        <translation>以下の質問では答えが見つかりませんでした。ドキュメントに答えがない、言い回しが違う、または順位が低すぎる可能性があります。ダブルクリックすると検索結果を確認できます。</translation>
    </message>
    <message>
        <source>Every question found its answer: retrieval is ready for RAG variants.</source>
        <translation>すべての質問で答えが見つかりました。RAG のバリアントを使う準備ができています。</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>A model tuned elsewhere joins the comparison under the name its server gives it: a LoRA served by vLLM (--lora-modules), Ollama (ollama create) or llama.cpp (--alias), a Together or Fireworks model, or an Azure deployment. It must be reachable through the project&apos;s connection; Test asks it one question first.</source>
        <translation>他所で調整したモデルは、サーバーが付けた名前で比較に加わります。vLLM（--lora-modules）、Ollama（ollama create）、llama.cpp（--alias）で提供する LoRA、Together や Fireworks のモデル、Azure のデプロイなどです。プロジェクトの接続から届く必要があります。「テスト」でまず一つ質問します。</translation>
    </message>
    <message>
        <source>&amp;Model name:</source>
        <translation>モデル名(&amp;M):</translation>
    </message>
    <message>
        <source>e.g. ft:gpt-4o-mini:acme::abc123 or support-lora</source>
        <translation>例：ft:gpt-4o-mini:acme::abc123 や support-lora</translation>
    </message>
    <message>
        <source>Also add it with retrieval (fine-tuned + RAG)</source>
        <translation>検索付き（ファインチューニング + RAG）でも追加する</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>テスト(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Add as variant</source>
        <translation>バリアントとして追加(&amp;A)</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>%1 に問い合わせています…</translation>
    </message>
    <message>
        <source>Added as: %1. Tick them under Run to put the model on the Grid.</source>
        <translation>次として追加しました：%1。「実行」でチェックを入れると、モデルがグリッドに表示されます。</translation>
    </message>
</context>
<context>
    <name>ReportErrors</name>
    <message>
        <source>{message} {hint}</source>
        <translation>{message}{hint}</translation>
    </message>
    <message>
        <source>Cannot write the report to {name}: the name must end in {first} or {second}.</source>
        <translation>レポートを {name} に書き出せません。ファイル名の末尾は {first} か {second} にしてください。</translation>
    </message>
    <message>
        <source>Cannot write the results to {name}: the name must end in {first} or {second}.</source>
        <translation>結果を {name} に書き出せません。ファイル名の末尾は {first} か {second} にしてください。</translation>
    </message>
    <message>
        <source>Choose a file name such as {example}.</source>
        <translation>{example} のようなファイル名にしてください。</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder} ({problem}).</source>
        <translation>フォルダー {folder} を作成できません（{problem}）。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>書き込みできるフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Cannot write {path} ({problem}).</source>
        <translation>{path} に書き込めません（{problem}）。</translation>
    </message>
    <message>
        <source>Close the file if it is open in another program, or choose another folder.</source>
        <translation>ほかのプログラムでファイルを開いている場合は閉じるか、別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>The results have {count} lines, more than an Excel sheet holds.</source>
        <translation>結果が {count} 行あり、Excel の 1 シートに収まる行数を超えています。</translation>
    </message>
    <message>
        <source>Export to CSV instead (`export PROJECT OUT.csv`).</source>
        <translation>代わりに CSV にエクスポートしてください（`export PROJECT OUT.csv`）。</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>offline (no model calls)</source>
        <translation>オフライン（モデル呼び出しなし）</translation>
    </message>
    <message>
        <source>local OpenAI-compatible server</source>
        <translation>ローカルの OpenAI 互換サーバー</translation>
    </message>
    <message>
        <source>Generated {when}</source>
        <translation>作成日時 {when}</translation>
    </message>
    <message>
        <source>Dataset {source}: {rows} rows, {evaluated} evaluated, {examples} set aside as examples</source>
        <translation>データセット {source}：{rows} 行（評価 {evaluated} 行、例として取り分け {examples} 行）</translation>
    </message>
    <message>
        <source>Dataset: {rows} rows, {evaluated} evaluated, {examples} set aside as examples</source>
        <translation>データセット：{rows} 行（評価 {evaluated} 行、例として取り分け {examples} 行）</translation>
    </message>
    <message>
        <source>Model: {model} via {server}</source>
        <translation>モデル：{model}（{server}）</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>モデル：{model}</translation>
    </message>
    <message>
        <source>Connection: {server}</source>
        <translation>接続：{server}</translation>
    </message>
    <message>
        <source>LLM Path Advisor · evaluation report</source>
        <translation>LLM Path Advisor · 評価レポート</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>ほか {count} 行</translation>
    </message>
    <message>
        <source>Rows: {rows} {more}.</source>
        <translation>該当行：{rows} {more}</translation>
    </message>
    <message>
        <source>Rows: {rows}.</source>
        <translation>該当行：{rows}</translation>
    </message>
    <message>
        <source>Recommended next step</source>
        <translation>推奨する次のステップ</translation>
    </message>
    <message>
        <source>No advice could be given from these runs.</source>
        <translation>これらの実行からはアドバイスを出せませんでした。</translation>
    </message>
    <message>
        <source>No advice yet</source>
        <translation>アドバイスはまだありません</translation>
    </message>
    <message>
        <source>target pass rate {target}</source>
        <translation>目標合格率 {target}</translation>
    </message>
    <message>
        <source>starting from run {run}</source>
        <translation>起点の実行 {run}</translation>
    </message>
    <message>
        <source>{gap} {count}</source>
        <translation>{gap} {count} 行</translation>
    </message>
    <message>
        <source>Failing rows of {run} by gap: {gaps}; {errors} rows got no answer.</source>
        <translation>{run} の不合格行のギャップ別内訳：{gaps}。回答が得られなかった行：{errors} 行。</translation>
    </message>
    <message>
        <source>Failing rows of {run} by gap: {gaps}.</source>
        <translation>{run} の不合格行のギャップ別内訳：{gaps}。</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>根拠</translation>
    </message>
    <message>
        <source>Checklist for this step</source>
        <translation>このステップのチェックリスト</translation>
    </message>
    <message>
        <source>done</source>
        <translation>実施済み</translation>
    </message>
    <message>
        <source>costly</source>
        <translation>高コスト</translation>
    </message>
    <message>
        <source>{project} · LLM Path Advisor report</source>
        <translation>{project} · LLM Path Advisor レポート</translation>
    </message>
    <message>
        <source>category: {name}</source>
        <translation>カテゴリ：{name}</translation>
    </message>
    <message>
        <source>… (+{count} characters)</source>
        <translation>…（ほか {count} 文字）</translation>
    </message>
    <message>
        <source>{name} (run {id})</source>
        <translation>{name}（実行 {id}）</translation>
    </message>
    <message>
        <source>Where the runs stand</source>
        <translation>各実行の位置</translation>
    </message>
    <message>
        <source>Technique map</source>
        <translation>手法マップ</translation>
    </message>
    <message>
        <source>Runs placed by technique: prompt work to the right, retrieval upwards. Numbers and arrows follow the order the runs were made.</source>
        <translation>各実行を手法ごとに配置しています。右へ行くほどプロンプト側の工夫、上へ行くほど検索（RAG）です。番号と矢印は実行した順番を示します。</translation>
    </message>
    <message>
        <source>Diagnosis map</source>
        <translation>診断マップ</translation>
    </message>
    <message>
        <source>A run low on content lacks facts (context work: RAG); a run low on behaviour has the facts but the wrong form (LLM work: prompt, few-shot, fine-tuning). The goal is the shaded corner.</source>
        <translation>内容スコアが低い実行は事実が不足しています（コンテキスト側の対策：RAG）。振る舞いスコアが低い実行は事実は合っていても形式が違います（LLM 側の対策：プロンプト、Few-shot、ファインチューニング）。目標は網掛けの隅です。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Techniques</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>振る舞い</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Tokens / request</source>
        <translation>トークン／リクエスト</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <source>Cost / 1,000 requests</source>
        <translation>コスト／1,000 リクエスト</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>レイテンシ p50</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>レイテンシ p95</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>リーダーボード</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>advice starts here</source>
        <translation>アドバイスの起点</translation>
    </message>
    <message>
        <source>Content: share of rows with the right facts. Behaviour: share with the right form. Pass rate: share with both. Cost per 1,000 requests is measured on the answered rows; — means not measured (imported runs) or no price is known for the model.</source>
        <translation>内容：事実が正しい行の割合。振る舞い：形式が正しい行の割合。合格率：両方を満たす行の割合。1,000 リクエストあたりのコストは回答が得られた行で測定しています。— は未測定（インポートした実行）か、モデルの料金が不明であることを示します。</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>failed: {checks}</source>
        <translation>不合格のチェック：{checks}</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>不合格の行</translation>
    </message>
    <message>
        <source>No per-row results to show.</source>
        <translation>表示する行ごとの結果はありません。</translation>
    </message>
    <message>
        <source>{failed} of the {rows} evaluation rows failed in at least one run; {still} still fail in {run} and are listed first.</source>
        <translation>評価行 {rows} 行のうち {failed} 行が、少なくとも 1 つの実行で不合格でした。{run} でまだ不合格の {still} 行を先に並べています。</translation>
    </message>
    <message>
        <source>{failed} of the {rows} evaluation rows failed in at least one run.</source>
        <translation>評価行 {rows} 行のうち {failed} 行が、少なくとも 1 つの実行で不合格でした。</translation>
    </message>
    <message>
        <source>Showing the first {count}; the CSV or XLSX export has every row.</source>
        <translation>最初の {count} 行を表示しています。すべての行は CSV または XLSX のエクスポートにあります。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>Every answer is judged by the project&apos;s checks, in two families that match the two axes of the maps.</source>
        <translation>すべての回答は、プロジェクトのチェックで判定します。チェックは、マップの 2 つの軸に対応する 2 つの系統に分かれます。</translation>
    </message>
    <message>
        <source>Content checks ask whether the answer carries the right facts: a normalized match, word or character overlap (token F1, by characters for Japanese and Chinese), containment, similarity of meaning, or an LLM judge comparing it with the expected answer. Low content calls for context work (RAG, better retrieval).</source>
        <translation>内容のチェックは、回答に正しい事実が含まれているかを見ます。正規化したうえでの一致、単語や文字の重なり（トークン F1。日本語と中国語は文字単位）、包含、意味の類似度、または正解と比べる LLM ジャッジです。内容が低いときは、コンテキスト側の対策（RAG、検索の改善）が必要です。</translation>
    </message>
    <message>
        <source>Behaviour checks ask whether it acts right: a pattern, valid JSON or a JSON schema, length, words it must or must not contain, the language, or an LLM-judged rubric. Low behaviour calls for LLM work (clearer prompts, few-shot examples, fine-tuning).</source>
        <translation>振る舞いのチェックは、回答の形が正しいかを見ます。パターン、正しい JSON や JSON スキーマ、長さ、含むべき語・含んではいけない語、言語、または LLM が判定するルーブリックです。振る舞いが低いときは、LLM 側の対策（より明確なプロンプト、Few-shot の例、ファインチューニング）が必要です。</translation>
    </message>
    <message>
        <source>In RAG runs, retrieval checks score the passages: context recall (did they contain the answer), context precision, and faithfulness (did the answer stay with them).</source>
        <translation>RAG の実行では、検索のチェックがパッセージを評価します。コンテキスト再現率（答えを含んでいたか）、コンテキスト適合率、忠実性（回答がパッセージに沿っていたか）です。</translation>
    </message>
    <message>
        <source>A row passes when every content check that judged it passed and no behaviour check failed. Scores and pass rates are shares of a run&apos;s rows; a row without an answer (an error) counts as failed. Each failing row is classified as one gap:</source>
        <translation>行が合格になるのは、判定したすべての内容チェックに合格し、振る舞いチェックに 1 つも不合格がないときです。スコアと合格率は実行の行に占める割合で、回答のない行（エラー）は不合格として数えます。不合格の行はそれぞれ次のいずれかのギャップに分類されます。</translation>
    </message>
    <message>
        <source>What the checks mean</source>
        <translation>チェックの意味</translation>
    </message>
    <message>
        <source>Checks used in this project:</source>
        <translation>このプロジェクトで使っているチェック：</translation>
    </message>
    <message>
        <source>Imported runs hold outputs produced outside this app and scored here; their tokens, cost and latency were not measured.</source>
        <translation>インポートした実行は、このアプリの外で作られた出力をここで採点したものです。トークン、コスト、レイテンシは測定していません。</translation>
    </message>
    <message>
        <source>equals the expected answer once case, width, punctuation and spaces are normalized</source>
        <translation>大文字小文字・全角半角・句読点・空白を正規化すると正解と一致する</translation>
    </message>
    <message>
        <source>overlaps the expected answer in words or characters (token F1 at least {threshold})</source>
        <translation>単語または文字で正解と重なる（トークン F1 が {threshold} 以上）</translation>
    </message>
    <message>
        <source>contains the expected answer</source>
        <translation>正解を含む</translation>
    </message>
    <message>
        <source>means the same as the expected answer (embedding similarity at least {threshold})</source>
        <translation>正解と同じ意味である（埋め込みの類似度が {threshold} 以上）</translation>
    </message>
    <message>
        <source>is judged by an LLM to agree with the expected answer</source>
        <translation>LLM の判定で正解と一致する</translation>
    </message>
    <message>
        <source>matches the pattern {value}</source>
        <translation>パターン {value} に一致する</translation>
    </message>
    <message>
        <source>is valid JSON</source>
        <translation>正しい JSON である</translation>
    </message>
    <message>
        <source>is JSON that matches the project&apos;s schema</source>
        <translation>プロジェクトのスキーマに合う JSON である</translation>
    </message>
    <message>
        <source>has at most {value} characters</source>
        <translation>{value} 文字以下である</translation>
    </message>
    <message>
        <source>has at least {value} characters</source>
        <translation>{value} 文字以上である</translation>
    </message>
    <message>
        <source>contains “{value}”</source>
        <translation>「{value}」を含む</translation>
    </message>
    <message>
        <source>does not contain “{value}”</source>
        <translation>「{value}」を含まない</translation>
    </message>
    <message>
        <source>is written in the language “{value}”</source>
        <translation>言語「{value}」で書かれている</translation>
    </message>
    <message>
        <source>is judged by an LLM to meet the rubric “{value}”</source>
        <translation>LLM の判定でルーブリック「{value}」を満たす</translation>
    </message>
    <message>
        <source>content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>behaviour</source>
        <translation>振る舞い</translation>
    </message>
    <message>
        <source>{name} ({family}): the answer {does}.</source>
        <translation>{name}（{family}）：回答が{does}こと。</translation>
    </message>
    <message>
        <source>{name}: {does}.</source>
        <translation>{name}：{does}こと。</translation>
    </message>
    <message>
        <source>Baseline prompt</source>
        <translation>ベースライン プロンプト</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指示</translation>
    </message>
    <message>
        <source>Few-shot</source>
        <translation>Few-shot</translation>
    </message>
    <message>
        <source>Fine-tuned</source>
        <translation>ファインチューニング済み</translation>
    </message>
    <message>
        <source>No retrieval</source>
        <translation>検索なし</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>Tuned retrieval</source>
        <translation>検索の調整</translation>
    </message>
    <message>
        <source>Prompt engineering</source>
        <translation>プロンプトエンジニアリング</translation>
    </message>
    <message>
        <source>All of the above</source>
        <translation>上記すべて</translation>
    </message>
    <message>
        <source>pass rate 0%</source>
        <translation>合格率 0%</translation>
    </message>
    <message>
        <source>{run}: pass rate {share}</source>
        <translation>{run}：合格率 {share}</translation>
    </message>
    <message>
        <source>Each run placed by the techniques it used; colour shows its pass rate; arrows follow the order the runs were made.</source>
        <translation>各実行を使った手法の位置に置いています。色は合格率、矢印は実行した順番を示します。</translation>
    </message>
    <message>
        <source>How the model needs to act: LLM optimization →</source>
        <translation>モデルがどう振る舞うべきか：LLM の最適化 →</translation>
    </message>
    <message>
        <source>What it needs to know: context →</source>
        <translation>モデルが知るべきこと：コンテキスト →</translation>
    </message>
    <message>
        <source>Each run at its behaviour score (x) and content score (y); the shaded corner is the target.</source>
        <translation>各実行を振る舞いスコア（横軸）と内容スコア（縦軸）の位置に置いています。網掛けの隅が目標です。</translation>
    </message>
    <message>
        <source>target {share}</source>
        <translation>目標 {share}</translation>
    </message>
    <message>
        <source>Behaviour score: low → needs LLM work (prompt, fine-tuning)</source>
        <translation>振る舞いスコア：低い → LLM 側の対策（プロンプト、ファインチューニング）</translation>
    </message>
    <message>
        <source>Content score: low → needs context (RAG)</source>
        <translation>内容スコア：低い → コンテキスト側の対策（RAG）</translation>
    </message>
    <message>
        <source>RAG (retrieval-augmented generation)</source>
        <translation>RAG（検索拡張生成）</translation>
    </message>
    <message>
        <source>Improve retrieval</source>
        <translation>検索の改善</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>ファインチューニング</translation>
    </message>
    <message>
        <source>Fine-tuning + RAG</source>
        <translation>ファインチューニング + RAG</translation>
    </message>
    <message>
        <source>Good enough</source>
        <translation>十分な品質です</translation>
    </message>
    <message>
        <source>A stronger model</source>
        <translation>より強力なモデル</translation>
    </message>
    <message>
        <source>Add documents, then RAG</source>
        <translation>文書を追加してから RAG</translation>
    </message>
    <message>
        <source>Add documents that cover the missing answers</source>
        <translation>欠けている答えをカバーする文書を追加</translation>
    </message>
    <message>
        <source>Improve retrieval on top of RAG</source>
        <translation>RAG の上で検索を改善</translation>
    </message>
    <message>
        <source>Fine-tuning on top of RAG</source>
        <translation>RAG の上でファインチューニング</translation>
    </message>
    <message>
        <source>The model lacks facts, and for most of the questions it gets wrong no document holds the answer: retrieval can only bring what the documents contain. Add documents that cover the questions listed first, then measure RAG.</source>
        <translation>モデルに事実が不足していますが、誤答した質問の大半は、どの文書にも答えがありません。検索は文書にある内容しか持ってこられません。先頭に挙げた質問をカバーする文書を追加してから、RAG を測定してください。</translation>
    </message>
    <message>
        <source>With RAG, most of the answers still missing are in none of the documents: no search setting can find them. Add documents that cover the questions listed first, then measure again.</source>
        <translation>RAG を使っても見つからない答えの大半は、どの文書にもありません。検索設定をどう変えても見つけられません。先頭に挙げた質問をカバーする文書を追加してから、もう一度測定してください。</translation>
    </message>
    <message>
        <source>RAG is in use and fixed most of the missing facts. The next move on top of it: tune retrieval for the rows whose passages still lack the answer.</source>
        <translation>RAG は使用中で、不足していた事実の大半を補いました。その上での次の一手は、パッセージにまだ答えがない行に向けた検索の調整です。</translation>
    </message>
    <message>
        <source>RAG is in use and brings the facts, but the answers still take the wrong form. Train the model on examples of the wanted behaviour, with their passages.</source>
        <translation>RAG は使用中で事実は届いていますが、回答の形式がまだ正しくありません。望ましい振る舞いの例を、そのパッセージ付きでモデルに学習させてください。</translation>
    </message>
    <message>
        <source>RAG is in use, yet both missing facts and wrong form remain after prompt work: fine-tune the model and keep improving retrieval.</source>
        <translation>RAG を使用し、プロンプトも改善しましたが、事実の不足と形式の誤りの両方が残っています。モデルをファインチューニングし、検索の改善も続けてください。</translation>
    </message>
    <message>
        <source>Improve the prompt first: clearer instructions, a step-by-step request and a few worked examples. It is the cheapest step and the baseline for every other one.</source>
        <translation>まずプロンプトを改善してください。より明確な指示、段階的に考えるよう求めること、いくつかの解答例です。最も安価なステップであり、ほかのすべてのステップの基準になります。</translation>
    </message>
    <message>
        <source>The model lacks facts. Retrieve passages from your documents into the prompt (context optimization: what the model needs to know).</source>
        <translation>モデルに事実の知識が不足しています。ドキュメントからパッセージを検索してプロンプトに入れてください（コンテキストの最適化：モデルが知るべきこと）。</translation>
    </message>
    <message>
        <source>RAG is in place, but its passages often lack the answer. Tune chunking, search and ranking before changing the model.</source>
        <translation>RAG は導入済みですが、パッセージに答えが含まれないことがよくあります。モデルを変える前に、チャンク分割・検索・ランキングを調整してください。</translation>
    </message>
    <message>
        <source>The model knows enough but does not act consistently. Train it on examples of the wanted behaviour (LLM optimization: how the model needs to act).</source>
        <translation>モデルの知識は足りていますが、振る舞いが安定しません。望ましい振る舞いの例でモデルを学習させてください（LLM の最適化：モデルがどう振る舞うべきか）。</translation>
    </message>
    <message>
        <source>Both missing facts and wrong form remain after prompt work and RAG: combine a fine-tuned model with retrieval.</source>
        <translation>プロンプトの改善と RAG の後も、事実の不足と形式の誤りの両方が残っています。ファインチューニングしたモデルと検索を組み合わせてください。</translation>
    </message>
    <message>
        <source>The pass rate meets the target. Keep the evaluation set as a regression test.</source>
        <translation>合格率が目標に達しています。この評価セットを回帰テストとして残してください。</translation>
    </message>
    <message>
        <source>The passages hold the answer and a grounding prompt was measured, yet the model still ignores them: the model itself is the limit. Try a stronger model on the same rows, or fine-tune this one on answers that use the passages.</source>
        <translation>パッセージに答えがあり、根拠づけのプロンプトも測定しましたが、モデルはまだそれを使いません。限界はモデル自体にあります。同じ行でより強いモデルを試すか、パッセージを使った回答でこのモデルをファインチューニングしてください。</translation>
    </message>
    <message>
        <source>RAG has been measured and fixed most of the missing facts: adopt it, then tune retrieval and grounding with the checklist below.</source>
        <translation>RAG を測定した結果、不足していた事実の大半が解消されました。RAG を採用し、下のチェックリストに沿って検索と根拠付けを調整してください。</translation>
    </message>
    <message>
        <source>Prompt engineering: grounding on the passages</source>
        <translation>プロンプトエンジニアリング：パッセージに基づく回答</translation>
    </message>
    <message>
        <source>The passages hold the answer but the replies do not use it. Tell the model to answer from the passages before trying anything costlier.</source>
        <translation>パッセージには答えがありますが、回答がそれを使っていません。コストのかかる手段を試す前に、パッセージに基づいて答えるようモデルに指示してください。</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>&amp;Go to Run</source>
        <translation>実行へ(&amp;G)</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>リーダーボード</translation>
    </message>
    <message>
        <source>Example rows</source>
        <translation>行ごとの結果</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>先にプロジェクトを開いてください。</translation>
    </message>
    <message>
        <source>Reading the results…</source>
        <translation>結果を読み込んでいます…</translation>
    </message>
    <message>
        <source>No runs yet. Run variants under Run, or import outputs made elsewhere as a run there.</source>
        <translation>まだ実行結果がありません。実行でバリアントを実行するか、他で作成した出力を実行結果としてインポートしてください。</translation>
    </message>
    <message>
        <source>Click a run to see its rows below; click a column title to sort.</source>
        <translation>実行をクリックすると下にその行が表示されます。列の見出しをクリックすると並べ替えます。</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>結果の書き出し</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel ブック (*.xlsx);;CSV、UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <source>You reviewed %1 answer: the automatic verdict agreed with yours on %2 (%3, Cohen&apos;s kappa %4).</source>
        <translation>レビュー済みの回答は %1 件で、自動判定とあなたの判定が一致したのは %2 件です（%3、Cohen の κ %4）。</translation>
    </message>
    <message>
        <source>You reviewed %1 answers: the automatic verdicts agreed with yours on %2 (%3, Cohen&apos;s kappa %4).</source>
        <translation>レビュー済みの回答は %1 件で、自動判定とあなたの判定が一致したのは %2 件です（%3、Cohen の κ %4）。</translation>
    </message>
    <message>
        <source>%1 of them were unsure automatically.</source>
        <translation>そのうち %1 件は自動判定が保留でした。</translation>
    </message>
    <message>
        <source>No answer reviewed yet: the advice rests on automatic verdicts alone.</source>
        <translation>まだレビューした回答はありません。アドバイスは自動判定だけに基づいています。</translation>
    </message>
    <message>
        <source>Review &amp;20 answers</source>
        <translation>20件をレビュー(&amp;2)</translation>
    </message>
    <message>
        <source>Review &amp;more</source>
        <translation>さらにレビュー(&amp;M)</translation>
    </message>
    <message>
        <source>No answers to review here.</source>
        <translation>ここにはレビューできる回答がありません。</translation>
    </message>
    <message>
        <source>Choose a run whose rows have answers, or show all rows.</source>
        <translation>回答のある実行を選ぶか、すべての行を表示してください。</translation>
    </message>
</context>
<context>
    <name>ResultsWords</name>
    <message>
        <source>instructions</source>
        <translation>指示</translation>
    </message>
    <message>
        <source>step-by-step</source>
        <translation>段階的思考</translation>
    </message>
    <message>
        <source>few-shot</source>
        <translation>Few-shot</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>tuned retrieval</source>
        <translation>検索の調整</translation>
    </message>
    <message>
        <source>fine-tuned</source>
        <translation>ファインチューニング済み</translation>
    </message>
    <message>
        <source>none (baseline)</source>
        <translation>なし（ベースライン）</translation>
    </message>
    <message>
        <source>✓ pass</source>
        <translation>✓ 合格</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>✗ knowledge</source>
        <translation>✗ 知識</translation>
    </message>
    <message>
        <source>✗ behaviour</source>
        <translation>✗ 振る舞い</translation>
    </message>
    <message>
        <source>✗ retrieval</source>
        <translation>✗ 検索</translation>
    </message>
    <message>
        <source>✗ generation</source>
        <translation>✗ 生成</translation>
    </message>
    <message>
        <source>? unsure</source>
        <translation>? 保留</translation>
    </message>
    <message>
        <source>not in this run</source>
        <translation>この実行にはありません</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>no answer: the request failed</source>
        <translation>回答なし：リクエストが失敗しました</translation>
    </message>
    <message>
        <source>knowledge gap: facts missing or wrong</source>
        <translation>知識ギャップ：事実の不足または誤り</translation>
    </message>
    <message>
        <source>behaviour gap: facts right, form wrong</source>
        <translation>振る舞いギャップ：事実は正しく、形式が誤り</translation>
    </message>
    <message>
        <source>retrieval gap: the passages lacked the answer</source>
        <translation>検索ギャップ：パッセージに答えがなかった</translation>
    </message>
    <message>
        <source>generation gap: the passages had it, the answer ignored it</source>
        <translation>生成ギャップ：パッセージに答えがあったが、回答が無視した</translation>
    </message>
    <message>
        <source>unsure: the text alone cannot tell; a judge model or your review decides (counted apart, never a gap)</source>
        <translation>判定保留：テキストだけでは判定できません。判定モデルかあなたのレビューで決まります（別に集計し、ギャップには数えません）</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>すべての結果</translation>
    </message>
    <message>
        <source>Knowledge gap</source>
        <translation>知識ギャップ</translation>
    </message>
    <message>
        <source>Behaviour gap</source>
        <translation>振る舞いギャップ</translation>
    </message>
    <message>
        <source>Retrieval gap</source>
        <translation>検索ギャップ</translation>
    </message>
    <message>
        <source>Generation gap</source>
        <translation>生成ギャップ</translation>
    </message>
    <message>
        <source>Error (no answer)</source>
        <translation>エラー（回答なし）</translation>
    </message>
    <message>
        <source>Unsure (to review)</source>
        <translation>判定保留（要レビュー）</translation>
    </message>
    <message>
        <source>content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>behaviour</source>
        <translation>振る舞い</translation>
    </message>
    <message>
        <source>retrieval</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>✗ fail</source>
        <translation>✗ 不合格</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>不正解</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>判定保留</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review answers</source>
        <translation>回答のレビュー</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>期待される回答</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Right (R)</source>
        <translation>正解 (R)</translation>
    </message>
    <message>
        <source>Wrong (W)</source>
        <translation>不正解 (W)</translation>
    </message>
    <message>
        <source>Skip (S)</source>
        <translation>スキップ (S)</translation>
    </message>
    <message>
        <source>Back (B)</source>
        <translation>戻る (B)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The answer carries the expected facts</source>
        <translation>回答に期待される事実が含まれています</translation>
    </message>
    <message>
        <source>A fact is missing, wrong or denied, or the answer declines</source>
        <translation>事実が欠けている・誤っている・否定されている、または回答を拒んでいます</translation>
    </message>
    <message>
        <source>Done: %1 answers reviewed in this session.</source>
        <translation>完了：このセッションで %1 件の回答をレビューしました。</translation>
    </message>
    <message>
        <source>Your verdicts now count in Results, on the maps and in the advice.</source>
        <translation>あなたの判定は、結果・マップ・アドバイスに反映されています。</translation>
    </message>
    <message>
        <source>Answer %1 of %2 · run %3 · row %4</source>
        <translation>回答 %1 / %2 · 実行 %3 · 行 %4</translation>
    </message>
    <message>
        <source>you said right</source>
        <translation>あなたの判定：正解</translation>
    </message>
    <message>
        <source>you said wrong</source>
        <translation>あなたの判定：不正解</translation>
    </message>
    <message>
        <source>Automatic verdict: %1</source>
        <translation>自動判定：%1</translation>
    </message>
</context>
<context>
    <name>RoutesTab</name>
    <message>
        <source>mlx-lm, axolotl, Unsloth and LLaMA-Factory train from the same chat file on your own machine. Export writes the files, a configuration for each and the command lines; serve the result under a model name (vLLM, Ollama, llama.cpp) and add it on the Register tab.</source>
        <translation>mlx-lm、axolotl、Unsloth、LLaMA-Factory は、同じチャット形式のファイルで手元のマシンで学習できます。書き出すとファイル、各ツールの設定、コマンドラインが作られます。結果をモデル名で提供し（vLLM、Ollama、llama.cpp）、「モデルを登録」タブで追加してください。</translation>
    </message>
    <message>
        <source>&amp;Open model to tune:</source>
        <translation>調整するオープンモデル(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Serve it as:</source>
        <translation>提供するときの名前(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Export training files…</source>
        <translation>学習ファイルを書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;DPO preference pairs…</source>
        <translation>DPO の選好ペアを書き出す(&amp;D)…</translation>
    </message>
    <message>
        <source>Pairs of a right and a wrong answer to the same evaluation question, from your runs and reviews, in the format OpenAI and Azure document for preference tuning.</source>
        <translation>同じ評価用の質問に対する正しい回答と誤った回答の組を、実行結果とレビューから作ります。形式は OpenAI と Azure が選好チューニング用に定めているものです。</translation>
    </message>
    <message>
        <source>Check the examples on the Prepare tab first.</source>
        <translation>まず「準備」タブで例を点検してください。</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>書き出し先のフォルダーを選択</translation>
    </message>
    <message>
        <source>Written to %1 (%2 files). Run one of these in that folder:</source>
        <translation>%1 に書き出しました（%2 ファイル）。そのフォルダーで次のいずれかを実行してください：</translation>
    </message>
    <message>
        <source>Then serve the adapter under its name:</source>
        <translation>その後、アダプターを名前を付けて提供します：</translation>
    </message>
    <message>
        <source>Save the preference pairs</source>
        <translation>選好ペアを保存</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>No preference pairs yet.</source>
        <translation>選好ペアはまだありません。</translation>
    </message>
    <message>
        <source>A pair needs a question one variant answered right and another wrong; run two variants or review some answers.</source>
        <translation>ペアには、あるバリアントは正しく、別のバリアントは誤って答えた質問が必要です。二つのバリアントを実行するか、いくつかの回答をレビューしてください。</translation>
    </message>
    <message>
        <source>%1 preference pairs saved.</source>
        <translation>選好ペアを %1 件保存しました。</translation>
    </message>
    <message>
        <source>They come from evaluation rows: evaluate a model tuned on them on other rows, or the score flatters it.</source>
        <translation>これらは評価行から作られています。これで調整したモデルは別の行で評価してください。そうしないとスコアが実力より良く出ます。</translation>
    </message>
    <message>
        <source>The files could not be written because of an internal error.</source>
        <translation>内部エラーのためファイルを書き出せませんでした。</translation>
    </message>
    <message>
        <source>The details are in the log (Help → Show Log Folder).</source>
        <translation>詳細はログにあります（ヘルプ → ログフォルダーを表示）。</translation>
    </message>
</context>
<context>
    <name>RowLinks</name>
    <message>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Row %1 · %2</source>
        <translation>行 %1 · %2</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>行 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>RunColumn</name>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Retrieved passages</source>
        <translation>取得したパッセージ</translation>
    </message>
    <message>
        <source>(no output) %1</source>
        <translation>（出力なし）%1</translation>
    </message>
</context>
<context>
    <name>RunErrors</name>
    <message>
        <source>This connection has no Batch API: batches go to OpenAI or Azure OpenAI.</source>
        <translation>この接続にはバッチ API がありません。バッチは OpenAI か Azure OpenAI に送ります。</translation>
    </message>
    <message>
        <source>Run online instead, or choose OpenAI or Azure OpenAI under Connection.</source>
        <translation>通常の実行にするか、接続で OpenAI か Azure OpenAI を選んでください。</translation>
    </message>
    <message>
        <source>A run is going on for this project in another window or command.</source>
        <translation>このプロジェクトは別のウィンドウかコマンドで実行中です。</translation>
    </message>
    <message>
        <source>Wait for it to finish (or stop it there), then try again: finished rows are kept.</source>
        <translation>終わるまで待つ（またはそちらで止める）から、もう一度試してください。回答済みの行は残ります。</translation>
    </message>
    <message>
        <source>A request is too large for the Batch API: one request is larger than a batch file may be ({size} bytes).</source>
        <translation>Batch API には大きすぎるリクエストがあります。1 件のリクエストがバッチファイルの上限を超えています（{size} バイト）。</translation>
    </message>
    <message>
        <source>Run online, or lower the variant&apos;s top-k or the chunk size.</source>
        <translation>オンラインで実行するか、バリアントの top-k かチャンクサイズを下げてください。</translation>
    </message>
    <message>
        <source>This project has no batch “{batch}”.</source>
        <translation>このプロジェクトにバッチ「{batch}」はありません。</translation>
    </message>
    <message>
        <source>Pick a batch from the project&apos;s list.</source>
        <translation>プロジェクトの一覧からバッチを選んでください。</translation>
    </message>
    <message>
        <source>This batch is still being sent.</source>
        <translation>このバッチはまだ送信中です。</translation>
    </message>
    <message>
        <source>Press Refresh first; then cancel it if you still want to.</source>
        <translation>先に「更新」を押し、それでも取り消したい場合は取り消してください。</translation>
    </message>
    <message>
        <source>Variant &apos;{name}&apos; is fine-tuned but has no fine-tuned model id.</source>
        <translation>バリアント「{name}」はファインチューニング済みですが、ファインチューニング済みモデルの ID がありません。</translation>
    </message>
    <message>
        <source>Set the fine-tuned model id of this variant (Variants page or project.json), e.g. ft:gpt-4o-mini:..., or the deployment name of the fine-tuned model on Azure.</source>
        <translation>このバリアントのファインチューニング済みモデル ID を設定してください（バリアントのページか project.json。例: ft:gpt-4o-mini:...、Azure ではファインチューニング済みモデルのデプロイ名）。</translation>
    </message>
    <message>
        <source>No model is set for this run.</source>
        <translation>この実行にはモデルが設定されていません。</translation>
    </message>
    <message>
        <source>Choose a model under Connection, or set one on the variant.</source>
        <translation>接続でモデルを選ぶか、バリアントに設定してください。</translation>
    </message>
    <message>
        <source>Variant &apos;{name}&apos; uses retrieval but the project has no documents.</source>
        <translation>バリアント「{name}」は検索を使いますが、プロジェクトに文書がありません。</translation>
    </message>
    <message>
        <source>Add documents under Knowledge, or run a variant without RAG.</source>
        <translation>ナレッジで文書を追加するか、RAG なしのバリアントを実行してください。</translation>
    </message>
    <message>
        <source>Variant &apos;{name}&apos; needs few-shot examples but the examples pool is empty.</source>
        <translation>バリアント「{name}」には few-shot の例が必要ですが、例プールが空です。</translation>
    </message>
    <message>
        <source>Set aside some rows as examples when importing the data (e.g. --examples 20).</source>
        <translation>データを読み込むときに、いくつかの行を例として取り分けてください（例: --examples 20）。</translation>
    </message>
    <message>
        <source>Wait for it to finish (or stop it there), then run again: finished rows are kept.</source>
        <translation>終わるまで待つ（またはそちらで止める）から、もう一度実行してください。回答済みの行は残ります。</translation>
    </message>
    <message>
        <source>Variant “{name}” names unknown technique(s): {techniques}.</source>
        <translation>バリアント「{name}」に不明な手法が指定されています: {techniques}。</translation>
    </message>
    <message>
        <source>Use techniques from: {techniques}.</source>
        <translation>次の手法から選んでください: {techniques}。</translation>
    </message>
    <message>
        <source>A variant needs a name.</source>
        <translation>バリアントには名前が必要です。</translation>
    </message>
    <message>
        <source>Give each variant a short unique name.</source>
        <translation>各バリアントに短く重複しない名前を付けてください。</translation>
    </message>
    <message>
        <source>A variant in project.json has no name.</source>
        <translation>project.json に名前のないバリアントがあります。</translation>
    </message>
    <message>
        <source>Give each variant a name, or remove it.</source>
        <translation>各バリアントに名前を付けるか、削除してください。</translation>
    </message>
    <message>
        <source>Variant “{name}” has parameters that are not a mapping.</source>
        <translation>バリアント「{name}」のパラメーターが「名前: 値」の形になっていません。</translation>
    </message>
    <message>
        <source>Write parameters as name: value pairs, e.g. temperature: 0.</source>
        <translation>パラメーターは「名前: 値」の組で書いてください（例: temperature: 0）。</translation>
    </message>
    <message>
        <source>There is no variant preset called “{name}”.</source>
        <translation>「{name}」というバリアントのプリセットはありません。</translation>
    </message>
    <message>
        <source>Presets: {presets}.</source>
        <translation>プリセット: {presets}。</translation>
    </message>
    <message>
        <source>The variants section of project.json is not a list.</source>
        <translation>project.json の variants の項目がリストになっていません。</translation>
    </message>
    <message>
        <source>Restore project.json or recreate the variants.</source>
        <translation>project.json を復元するか、バリアントを作り直してください。</translation>
    </message>
    <message>
        <source>Two variants share the name &apos;{name}&apos;.</source>
        <translation>2 つのバリアントが同じ名前「{name}」です。</translation>
    </message>
    <message>
        <source>Give each variant a unique name.</source>
        <translation>各バリアントに重複しない名前を付けてください。</translation>
    </message>
    <message>
        <source>The list of variants to run in project.json is damaged.</source>
        <translation>project.json の実行するバリアントの一覧が壊れています。</translation>
    </message>
    <message>
        <source>Tick the variants to run again under Variants.</source>
        <translation>バリアントのページで、実行するバリアントにもう一度チェックを付けてください。</translation>
    </message>
    <message>
        <source>No variant is ticked to run.</source>
        <translation>実行するバリアントにチェックが入っていません。</translation>
    </message>
    <message>
        <source>Tick at least one variant under Variants.</source>
        <translation>バリアントで少なくとも 1 つにチェックを入れてください。</translation>
    </message>
    <message>
        <source>There is no variant called “{name}” in this project.</source>
        <translation>このプロジェクトに「{name}」というバリアントはありません。</translation>
    </message>
    <message>
        <source>Choose from: {choices}.</source>
        <translation>次から選んでください: {choices}。</translation>
    </message>
    <message>
        <source>Re-ranking failed: none of its {n} rating calls was answered (first problem: {problem}).</source>
        <translation>リランクに失敗しました: 評価の呼び出し {n} 回のうち、応答は 1 件もありませんでした（最初の問題: {problem}）。</translation>
    </message>
    <message>
        <source>Check the connection (or the judge&apos;s), or turn re-ranking off under Knowledge; no answer was sent.</source>
        <translation>接続（またはジャッジの接続）を確認するか、ナレッジでリランクをオフにしてください。回答のリクエストは送信していません。</translation>
    </message>
</context>
<context>
    <name>RunNames</name>
    <message>
        <source>Baseline</source>
        <translation>ベースライン</translation>
    </message>
    <message>
        <source>Clear instructions</source>
        <translation>明確な指示</translation>
    </message>
    <message>
        <source>Step-by-step</source>
        <translation>段階的に考える</translation>
    </message>
    <message>
        <source>Few-shot (k={k})</source>
        <translation>Few-shot (k={k})</translation>
    </message>
    <message>
        <source>RAG (top-{top_k})</source>
        <translation>RAG (top-{top_k})</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>RAG + few-shot (k={k})</source>
        <translation>RAG + few-shot (k={k})</translation>
    </message>
    <message>
        <source>Fine-tuned ({model})</source>
        <translation>ファインチューニング済み ({model})</translation>
    </message>
    <message>
        <source>Fine-tuned</source>
        <translation>ファインチューニング済み</translation>
    </message>
    <message>
        <source>Fine-tuned + RAG</source>
        <translation>ファインチューニング済み + RAG</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>This project is offline, so nothing can be run.</source>
        <translation>このプロジェクトはオフラインのため、実行できません。</translation>
    </message>
    <message>
        <source>Choose a model server under Connection, or import a run.</source>
        <translation>接続でモデルのサーバーを選ぶか、実行結果をインポートしてください。</translation>
    </message>
    <message>
        <source>Planning the run…</source>
        <translation>実行を計画しています…</translation>
    </message>
    <message>
        <source>The run stopped. Finished rows are kept.</source>
        <translation>実行を中止しました。完了した行は保存されています。</translation>
    </message>
    <message>
        <source>Importing the run…</source>
        <translation>実行結果をインポートしています…</translation>
    </message>
</context>
<context>
    <name>RunTexts</name>
    <message>
        <source>No variant to run yet.</source>
        <translation>実行するバリアントがまだありません。</translation>
    </message>
    <message>
        <source>%1 — the variants ticked under Variants.</source>
        <translation>%1 — バリアントでオンにしたもの。</translation>
    </message>
    <message>
        <source>%1 — every variant of the project (none is ticked under Variants).</source>
        <translation>%1 — プロジェクトのすべてのバリアント（バリアントでオンにしたものがありません）。</translation>
    </message>
    <message>
        <source>%1 — the starting presets (the project has no variants of its own yet).</source>
        <translation>%1 — 初期プリセット（プロジェクトにはまだ独自のバリアントがありません）。</translation>
    </message>
    <message>
        <source>Nothing to send: every row of these variants has an answer, or its request was answered before.</source>
        <translation>送信するものはありません。これらのバリアントのすべての行に回答があるか、以前に回答済みのリクエストです。</translation>
    </message>
    <message>
        <source>free</source>
        <translation>無料</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>約 %1</translation>
    </message>
    <message>
        <source>%1 call</source>
        <translation>%1 回の呼び出し</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 回の呼び出し</translation>
    </message>
    <message>
        <source>%1, about %2 tokens (%3 in, about %4 out), %5, %6 at %7 requests at a time.</source>
        <translation>%1、約 %2 トークン（入力 %3、出力 約 %4）、%5、%6（同時 %7 リクエスト）。</translation>
    </message>
    <message>
        <source>Warning: %1 request is longer than the model&apos;s context (%2 tokens): lower the variant&apos;s top-k or the chunk size, or use a model with a longer context.</source>
        <translation>注意: %1 件のリクエストがモデルのコンテキスト（%2 トークン）より長くなります。バリアントの top-k かチャンクサイズを下げるか、コンテキストの長いモデルを使ってください。</translation>
    </message>
    <message>
        <source>Warning: %1 requests are longer than the model&apos;s context (%2 tokens): lower the variant&apos;s top-k or the chunk size, or use a model with a longer context.</source>
        <translation>注意: %1 件のリクエストがモデルのコンテキスト（%2 トークン）より長くなります。バリアントの top-k かチャンクサイズを下げるか、コンテキストの長いモデルを使ってください。</translation>
    </message>
    <message>
        <source>Re-ranking is included: %1 rating call (about %2 tokens, %3), made when the run starts.</source>
        <translation>リランクを含みます: 評価の呼び出し %1 回（約 %2 トークン、%3）を実行開始時に行います。</translation>
    </message>
    <message>
        <source>Re-ranking is included: %1 rating calls (about %2 tokens, %3), made when the run starts.</source>
        <translation>リランクを含みます: 評価の呼び出し %1 回（約 %2 トークン、%3）を実行開始時に行います。</translation>
    </message>
    <message>
        <source>%1 re-ranking rating comes from the cache at no cost.</source>
        <translation>リランクの評価 %1 件はキャッシュから無料で取得します。</translation>
    </message>
    <message>
        <source>%1 re-ranking ratings come from the cache at no cost.</source>
        <translation>リランクの評価 %1 件はキャッシュから無料で取得します。</translation>
    </message>
    <message>
        <source>%1 row already answered is skipped.</source>
        <translation>回答済みの %1 行は飛ばします。</translation>
    </message>
    <message>
        <source>%1 rows already answered are skipped.</source>
        <translation>回答済みの %1 行は飛ばします。</translation>
    </message>
    <message>
        <source>%1 row waits for a batch&apos;s results and is not sent again.</source>
        <translation>%1 行はバッチの結果待ちのため、再送信しません。</translation>
    </message>
    <message>
        <source>%1 rows wait for a batch&apos;s results and are not sent again.</source>
        <translation>%1 行はバッチの結果待ちのため、再送信しません。</translation>
    </message>
    <message>
        <source>%1 request answered before comes from the cache at no cost.</source>
        <translation>以前に回答済みの %1 リクエストは、キャッシュから無料で取得します。</translation>
    </message>
    <message>
        <source>%1 requests answered before come from the cache at no cost.</source>
        <translation>以前に回答済みの %1 リクエストは、キャッシュから無料で取得します。</translation>
    </message>
    <message>
        <source>No price is known for %1, so the cost leaves it out.</source>
        <translation>%1 の料金が不明なため、コストには含めていません。</translation>
    </message>
    <message>
        <source>Token counts for %1 are approximate.</source>
        <translation>%1 のトークン数は概算です。</translation>
    </message>
    <message>
        <source>%1 request holds a very long text: its tokens are estimated from its length (check the data for a huge cell).</source>
        <translation>%1 件のリクエストに非常に長いテキストがあります。トークン数は長さから推定しています（データに巨大なセルがないか確認してください）。</translation>
    </message>
    <message>
        <source>%1 requests hold a very long text: their tokens are estimated from its length (check the data for a huge cell).</source>
        <translation>%1 件のリクエストに非常に長いテキストがあります。トークン数は長さから推定しています（データに巨大なセルがないか確認してください）。</translation>
    </message>
    <message>
        <source>Output tokens are guessed from the expected answers; the time from earlier runs.</source>
        <translation>出力トークンは正解から、時間は以前の実行から推定しています。</translation>
    </message>
    <message>
        <source>Price online: %1. As a batch: %2 (about half; results within 24 hours).</source>
        <translation>通常実行の料金: %1。バッチなら: %2(約半額、結果は 24 時間以内)。</translation>
    </message>
    <message>
        <source>%1 (%2, %3/%4)</source>
        <translation>%1（%2、%3/%4）</translation>
    </message>
    <message>
        <source>An earlier run stopped before it finished: %1. Resume sends only the missing rows.</source>
        <translation>以前の実行が完了前に中止されました：%1。「再開」では未完了の行だけを送信します。</translation>
    </message>
    <message>
        <source>Res&amp;ume %1/%2</source>
        <translation>再開 %1/%2(&amp;U)</translation>
    </message>
    <message>
        <source>Overall %1/%2 answered</source>
        <translation>全体 %1/%2 回答済み</translation>
    </message>
    <message>
        <source>%1 error (sent again on resume)</source>
        <translation>エラー %1 件（再開時に再送）</translation>
    </message>
    <message>
        <source>%1 errors (sent again on resume)</source>
        <translation>エラー %1 件（再開時に再送）</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>残り時間 %1</translation>
    </message>
    <message>
        <source>%1 spent</source>
        <translation>%1 使用</translation>
    </message>
    <message>
        <source>%1 spent on the models with a known price</source>
        <translation>料金が分かっているモデルで %1 使用</translation>
    </message>
    <message>
        <source>Cancelled. Every finished row is kept; resume whenever you like.</source>
        <translation>キャンセルしました。完了した行はすべて保存されています。いつでも再開できます。</translation>
    </message>
    <message>
        <source>Stopped before the end: %1. Finished rows are kept.</source>
        <translation>完了前に中止しました：%1。完了した行は保存されています。</translation>
    </message>
    <message>
        <source>%1 run</source>
        <translation>%1 回実行</translation>
    </message>
    <message>
        <source>%1 runs</source>
        <translation>%1 回実行</translation>
    </message>
    <message>
        <source>Finished: %1, %2 rows.</source>
        <translation>完了：%1、%2 行。</translation>
    </message>
    <message>
        <source>%1 row ended in an error; see View errors. Running again retries it.</source>
        <translation>%1 行がエラーで終わりました。「エラーを表示」で確認できます。もう一度実行すると再試行します。</translation>
    </message>
    <message>
        <source>%1 rows ended in an error; see View errors. Running again retries them.</source>
        <translation>%1 行がエラーで終わりました。「エラーを表示」で確認できます。もう一度実行すると再試行します。</translation>
    </message>
    <message>
        <source>“%1”: the server cut the prompt of %2 rows to fit its context window, so those answers never saw all of their passages (see Advice).</source>
        <translation>「%1」：サーバーがコンテキスト長に収めるため %2 行のプロンプトを切り詰めたので、それらの回答はパッセージをすべては見ていません（アドバイスを参照）。</translation>
    </message>
    <message>
        <source>See the leaderboard under Results.</source>
        <translation>結果のリーダーボードを参照してください。</translation>
    </message>
    <message>
        <source>Imported “%1”: %2 of %3 evaluation rows.</source>
        <translation>「%1」をインポートしました：評価 %3 行中 %2 行。</translation>
    </message>
    <message>
        <source>It replaces the earlier import of that name.</source>
        <translation>同じ名前の以前のインポートを置き換えます。</translation>
    </message>
    <message>
        <source>%1 row</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>%1 without an output (e.g. %2).</source>
        <translation>%1 は出力がありません（例：%2）。</translation>
    </message>
    <message>
        <source>%1 id</source>
        <translation>%1 件の ID</translation>
    </message>
    <message>
        <source>%1 ids</source>
        <translation>%1 件の ID</translation>
    </message>
    <message>
        <source>%1 in the file match no evaluation row and were left out (e.g. %2).</source>
        <translation>ファイル内の %1 はどの評価行とも一致しないため除外しました（例：%2）。</translation>
    </message>
    <message>
        <source>%1 id belongs to the examples pool and was left out.</source>
        <translation>%1 件の ID は例題プールに属するため除外しました。</translation>
    </message>
    <message>
        <source>%1 ids belong to the examples pool and were left out.</source>
        <translation>%1 件の ID は例題プールに属するため除外しました。</translation>
    </message>
    <message>
        <source>%1 output is blank.</source>
        <translation>%1 件の出力が空です。</translation>
    </message>
    <message>
        <source>%1 outputs are blank.</source>
        <translation>%1 件の出力が空です。</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>Run the variants against the model and keep every answer. Rows already answered and requests answered before are never paid for twice; a run you cancel can be resumed.</source>
        <translation>バリアントをモデルで実行し、すべての回答を保存します。回答済みの行や以前に回答済みのリクエストに二重に支払うことはありません。キャンセルした実行は再開できます。</translation>
    </message>
    <message>
        <source>This project is offline: runs need a connection to a model server. Set one up under Connection, or import outputs produced elsewhere as a run; they are scored like any other.</source>
        <translation>このプロジェクトはオフラインです。実行にはモデルのサーバーへの接続が必要です。接続で設定するか、他で作成した出力を実行結果としてインポートしてください。他の実行と同じように採点されます。</translation>
    </message>
    <message>
        <source>Go to C&amp;onnection</source>
        <translation>接続へ(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Import a run…</source>
        <translation>実行結果をインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Variants to run</source>
        <translation>実行するバリアント</translation>
    </message>
    <message>
        <source>Chan&amp;ge…</source>
        <translation>変更(&amp;G)…</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>見積もり</translation>
    </message>
    <message>
        <source>Batch: about half the price, results within 24 hours</source>
        <translation>バッチ: 約半額、結果は 24 時間以内</translation>
    </message>
    <message>
        <source>Send the requests to the provider&apos;s Batch API instead. You can close the app; the results are collected when you open the project again.</source>
        <translation>リクエストをプロバイダーの Batch API に送ります。アプリを閉じてもかまいません。結果はプロジェクトを次に開いたときに取り込まれます。</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>開始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Send batch</source>
        <translation>バッチを送信(&amp;S)</translation>
    </message>
    <message>
        <source>Send the variants&apos; requests as batches</source>
        <translation>バリアントのリクエストをバッチとして送信します</translation>
    </message>
    <message>
        <source>Run the variants (Ctrl+R)</source>
        <translation>バリアントを実行します（Ctrl+R）</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>キャンセル(&amp;N)</translation>
    </message>
    <message>
        <source>Stop now; finished rows are kept (Esc)</source>
        <translation>すぐに中止します。完了した行は保存されます（Esc）</translation>
    </message>
    <message>
        <source>Stopping… every finished row is kept.</source>
        <translation>中止しています… 完了した行はすべて保存されます。</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>先にプロジェクトを開いてください。</translation>
    </message>
    <message>
        <source>Reading the project…</source>
        <translation>プロジェクトを読み込んでいます…</translation>
    </message>
    <message>
        <source>Estimating… (RAG variants retrieve their passages first)</source>
        <translation>見積もり中…（RAG のバリアントは先にパッセージを検索します）</translation>
    </message>
    <message>
        <source>No estimate yet.</source>
        <translation>見積もりはまだありません。</translation>
    </message>
    <message>
        <source>View &amp;errors (%1)</source>
        <translation>エラーを表示 (%1)(&amp;E)</translation>
    </message>
</context>
<context>
    <name>RunWords</name>
    <message>
        <source>price unknown</source>
        <translation>料金不明</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>1 秒未満</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>約 %1</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>stopped by an error</source>
        <translation>エラーで停止</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>waiting for its batch</source>
        <translation>バッチの結果待ち</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>サーバーが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>サーバーに接続できませんでした。</translation>
    </message>
    <message>
        <source>Cancelled before the server answered.</source>
        <translation>サーバーが応答する前にキャンセルしました。</translation>
    </message>
    <message>
        <source>The answer came, but a check&apos;s judge call failed (%1); the next run judges it again without paying for the answer.</source>
        <translation>回答は得られましたが、チェックのジャッジ呼び出しが失敗しました（%1）。次の実行では、回答の料金を払わずに再判定します。</translation>
    </message>
    <message>
        <source>Rate limit reached (HTTP 429), still refused after the retries: %1</source>
        <translation>レート制限に達し（HTTP 429）、再試行後も拒否されました：%1</translation>
    </message>
    <message>
        <source>Server error (HTTP %2), still failing after the retries: %1</source>
        <translation>サーバーエラー（HTTP %2）が、再試行後も続いています：%1</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %2): %1</source>
        <translation>サーバーがリクエストを拒否しました（HTTP %2）：%1</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>不明なエラーです。</translation>
    </message>
    <message>
        <source>The batch&apos;s 24 hours ran out before this row was answered; run again to ask it.</source>
        <translation>この行に回答する前にバッチの 24 時間が過ぎました。もう一度実行すると問い合わせます。</translation>
    </message>
    <message>
        <source>The batch was cancelled before this row was answered; run again to ask it.</source>
        <translation>この行に回答する前にバッチがキャンセルされました。もう一度実行すると問い合わせます。</translation>
    </message>
    <message>
        <source>The provider refused the batch: %1</source>
        <translation>プロバイダーがバッチを拒否しました: %1</translation>
    </message>
    <message>
        <source>The batch could not answer this row: %1</source>
        <translation>バッチはこの行に回答できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>SamplePreview</name>
    <message>
        <source>Sample &amp;row:</source>
        <translation>サンプルの行(&amp;R):</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Expected answer</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>&amp;Output to check (type or paste)</source>
        <translation>チェックする出力（入力または貼り付け）(&amp;O)</translation>
    </message>
    <message>
        <source>Use the e&amp;xpected answer</source>
        <translation>正解を使う(&amp;X)</translation>
    </message>
    <message>
        <source>Type an answer a model might give…</source>
        <translation>モデルが返しそうな回答を入力…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Type a question from your evaluation set…</source>
        <translation>評価セットの質問を入力…</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>検索テキスト</translation>
    </message>
    <message>
        <source>Keywords and meaning</source>
        <translation>キーワードと意味</translation>
    </message>
    <message>
        <source>Meaning only</source>
        <translation>意味のみ</translation>
    </message>
    <message>
        <source>Keywords only</source>
        <translation>キーワードのみ</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>検索モード</translation>
    </message>
    <message>
        <source>Keywords and meaning (hybrid) is what RAG variants use</source>
        <translation>キーワードと意味（ハイブリッド）は RAG のバリアントが使う方式です</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>Search is available again when indexing has finished.</source>
        <translation>インデックス作成が終わると、再び検索できます。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索しています…</translation>
    </message>
    <message>
        <source>The %1 passages a RAG variant would be given for this question, best first; words shared with the question are marked. Relevance 100% is a passage both keyword and meaning search rank first.</source>
        <translation>この質問で RAG のバリアントに渡される %1 件のパッセージです（良い順）。質問と共通の語に印を付けています。関連度 100% は、キーワード検索と意味検索の両方で 1 位のパッセージです。</translation>
    </message>
    <message>
        <source>No passage matched. Add documents, or try other words.</source>
        <translation>一致するパッセージはありません。ドキュメントを追加するか、別の言葉で試してください。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>システムの設定（%1）</translation>
    </message>
    <message>
        <source>The new language applies at once. A few messages already on the screen stay as they are until they are shown again.</source>
        <translation>新しい言語はすぐに反映されます。すでに表示中の一部のメッセージは、次に表示されるまでそのままです。</translation>
    </message>
    <message>
        <source>The environment variable %1 sets the language to %2 for this session, whatever is chosen here.</source>
        <translation>ここでの選択にかかわらず、このセッションでは環境変数 %1 により言語が %2 になっています。</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Chunk si&amp;ze</source>
        <translation>チャンクサイズ(&amp;Z)</translation>
    </message>
    <message>
        <source>O&amp;verlap</source>
        <translation>オーバーラップ(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Passages per question (top k)</source>
        <translation>質問あたりのパッセージ数（top-k）(&amp;P)</translation>
    </message>
    <message>
        <source>Keywords or &amp;meaning</source>
        <translation>キーワードか意味か(&amp;M)</translation>
    </message>
    <message>
        <source>Em&amp;bedding</source>
        <translation>埋め込み(&amp;B)</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 文字</translation>
    </message>
    <message>
        <source>Documents are split into passages of about this many characters</source>
        <translation>ドキュメントは、およそこの文字数のパッセージに分割されます</translation>
    </message>
    <message>
        <source>Characters shared by neighbouring passages, so a fact split by a boundary stays whole in one of them</source>
        <translation>隣り合うパッセージで重複させる文字数。境界で分かれた事実も、どちらかのパッセージには丸ごと入ります</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>キーワード</translation>
    </message>
    <message>
        <source>meaning</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Weight of meaning against keywords</source>
        <translation>キーワードに対する意味の重み</translation>
    </message>
    <message>
        <source>Built in, offline (no calls; weaker on Japanese)</source>
        <translation>内蔵・オフライン（呼び出しなし。日本語にはやや弱い）</translation>
    </message>
    <message>
        <source>The connection&apos;s embedding model:</source>
        <translation>接続の埋め込みモデル：</translation>
    </message>
    <message>
        <source>Embedding model name</source>
        <translation>埋め込みモデル名</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>設定を保存(&amp;S)</translation>
    </message>
    <message>
        <source>Restore defa&amp;ults</source>
        <translation>既定値に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Re-index &amp;now</source>
        <translation>今すぐ再インデックス(&amp;N)</translation>
    </message>
    <message>
        <source>A new chunk size or overlap applies after the documents are indexed again; saving offers that.</source>
        <translation>新しいチャンクサイズやオーバーラップは、ドキュメントを再インデックスした後に反映されます。保存時に再インデックスを提案します。</translation>
    </message>
    <message>
        <source>A new embedding needs every passage embedded again; saving offers that.</source>
        <translation>新しい埋め込みでは、すべてのパッセージを埋め込み直す必要があります。保存時にそれを提案します。</translation>
    </message>
</context>
<context>
    <name>SourceBar</name>
    <message>
        <source>&amp;Choose file…</source>
        <translation>ファイルを選択(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Show imported rows</source>
        <translation>インポートした行を表示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>文字コード(&amp;E):</translation>
    </message>
    <message>
        <source>Wor&amp;ksheet:</source>
        <translation>ワークシート(&amp;K):</translation>
    </message>
    <message>
        <source>How the file&apos;s text is encoded. Automatic detection is usually right; change it if the preview shows garbled text.</source>
        <translation>ファイルのテキストの文字コードです。通常は自動判定で正しく読めます。プレビューが文字化けしている場合は変更してください。</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自動（%1）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
</context>
<context>
    <name>StorageErrors</name>
    <message>
        <source>The disk is full: the last step could not be saved.</source>
        <translation>ディスクがいっぱいのため、直前の処理を保存できませんでした。</translation>
    </message>
    <message>
        <source>Free some disk space and try again; what was saved before is intact (a run resumes where it stopped).</source>
        <translation>ディスクの空き容量を増やしてから、もう一度お試しください。それまでに保存した内容は無事です（実行は止まったところから再開します）。</translation>
    </message>
    <message>
        <source>The app may not write here ({where}): {problem}.</source>
        <translation>この場所（{where}）には書き込めません: {problem}。</translation>
    </message>
    <message>
        <source>The app may not write here: {problem}.</source>
        <translation>この場所には書き込めません: {problem}。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, or ask for write access.</source>
        <translation>書き込みできるフォルダーを選ぶか、書き込み権限を依頼してください。</translation>
    </message>
    <message>
        <source>The results file is read-only.</source>
        <translation>結果ファイルが読み取り専用です。</translation>
    </message>
    <message>
        <source>Make the project folder writable and try again.</source>
        <translation>プロジェクトフォルダーを書き込み可能にしてから、もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>TechniqueMap</name>
    <message>
        <source>Baseline prompt</source>
        <translation>ベースライン プロンプト</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指示</translation>
    </message>
    <message>
        <source>Few-shot</source>
        <translation>Few-shot</translation>
    </message>
    <message>
        <source>Fine-tuned</source>
        <translation>ファイン
チューニング</translation>
    </message>
    <message>
        <source>Tuned retrieval</source>
        <translation>検索の調整</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>How the model needs to act (LLM optimization) →</source>
        <translation>モデルがどう振る舞うべきか（LLM の最適化）→</translation>
    </message>
    <message>
        <source>What the model needs to know (context optimization) →</source>
        <translation>モデルが何を知るべきか（コンテキストの最適化）→</translation>
    </message>
    <message>
        <source>Prompt engineering</source>
        <translation>プロンプトエンジニアリング</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>ファイン
チューニング</translation>
    </message>
    <message>
        <source>All of the above</source>
        <translation>上記すべて</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1. %2
%3</source>
        <translation>%1. %2
%3</translation>
    </message>
</context>
<context>
    <name>VariantEditor</name>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>モデル(&amp;M):</translation>
    </message>
    <message>
        <source>E&amp;xamples:</source>
        <translation>例(&amp;X):</translation>
    </message>
    <message>
        <source>&amp;Passages:</source>
        <translation>パッセージ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>温度(&amp;T):</translation>
    </message>
    <message>
        <source>Max t&amp;okens:</source>
        <translation>最大トークン数(&amp;O):</translation>
    </message>
    <message>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>Passages retrieved per question (top-k); default: the Knowledge setting.</source>
        <translation>質問あたりに取得するパッセージ数（top-k）。既定：ナレッジの設定。</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>The longest answer the model may write. Automatic: four times the longest expected answer, at least 256 tokens, so no answer can run away.</source>
        <translation>モデルが書ける回答の最大長です。自動の場合は、最も長い期待される回答の 4 倍（最低 256 トークン）で、回答が際限なく長くなるのを防ぎます。</translation>
    </message>
    <message>
        <source>Few-shot examples per question (k), taken from the examples pool.</source>
        <translation>質問あたりの Few-shot の例の数（k）。例題プールから取ります。</translation>
    </message>
    <message>
        <source>Prompt t&amp;emplate</source>
        <translation>プロンプトテンプレート(&amp;E)</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt</source>
        <translation>システムプロンプト(&amp;Y)</translation>
    </message>
    <message>
        <source>What the model receives for the first evaluation row:</source>
        <translation>最初の評価行でモデルが受け取る内容：</translation>
    </message>
    <message>
        <source>Placeholders: {input} the question · {examples} the few-shot examples (without it they are sent as earlier chat turns) · {context} the retrieved passages · {category} the row&apos;s category. Changes are saved as you type.</source>
        <translation>プレースホルダー：{input} 質問 · {examples} Few-shot の例（ない場合は過去の会話ターンとして送信） · {context} 取得したパッセージ · {category} 行のカテゴリ。変更は入力と同時に保存されます。</translation>
    </message>
    <message>
        <source>A variant needs a name.</source>
        <translation>バリアントには名前が必要です。</translation>
    </message>
    <message>
        <source>Required: the fine-tuned model&apos;s id, e.g. ft:gpt-4o-mini:my-org::abc123</source>
        <translation>必須：ファインチューニング済みモデルの ID（例：ft:gpt-4o-mini:my-org::abc123）</translation>
    </message>
    <message>
        <source>Empty: the model chosen under Connection</source>
        <translation>空欄：接続で選んだモデル</translation>
    </message>
    <message>
        <source>A fine-tuned variant needs its model id; Run cannot start it without one.</source>
        <translation>ファインチューニング済みのバリアントにはモデル ID が必要です。ID がないと実行できません。</translation>
    </message>
    <message>
        <source>none (the plain question)</source>
        <translation>なし（質問のみ）</translation>
    </message>
    <message>
        <source>Techniques: %1</source>
        <translation>手法：%1</translation>
    </message>
    <message>
        <source>Unknown placeholder %1: it is sent to the model as written. Use {input}, {examples}, {context} or {category}.</source>
        <translation>不明なプレースホルダー %1：そのままモデルに送られます。{input}、{examples}、{context}、{category} を使ってください。</translation>
    </message>
    <message>
        <source>The template has no {input}: the question would not reach the model.</source>
        <translation>テンプレートに {input} がありません。質問がモデルに届きません。</translation>
    </message>
    <message>
        <source>This variant retrieves passages but its prompts have no {context}: the passages would not be sent.</source>
        <translation>このバリアントはパッセージを検索しますが、プロンプトに {context} がありません。パッセージは送信されません。</translation>
    </message>
</context>
<context>
    <name>VariantList</name>
    <message>
        <source>Needs the fine-tuned model&apos;s id (select it and fill in Model).</source>
        <translation>ファインチューニング済みモデルの ID が必要です（選択して「モデル」に入力してください）。</translation>
    </message>
</context>
<context>
    <name>VariantsPage</name>
    <message>
        <source>Variants</source>
        <translation>バリアント</translation>
    </message>
    <message>
        <source>Each variant is one way of asking the model, from a plain question up the ladder to a fine-tuned model. Tick the ones to compare: Run runs the ticked variants. Select one to edit it.</source>
        <translation>各バリアントはモデルへの問いかけ方の 1 つです。素の質問から段階を上がり、ファインチューニング済みモデルまであります。比較するものをオンにすると、「実行」でそれらを実行します。選択すると編集できます。</translation>
    </message>
    <message>
        <source>&amp;Add variant</source>
        <translation>バリアントを追加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Fine-tuning helper…</source>
        <translation>ファインチューニング支援(&amp;F)…</translation>
    </message>
    <message>
        <source>Build and check training data from the examples pool, train where the provider can, or register a model tuned elsewhere.</source>
        <translation>例のプールから学習データを作って点検し、プロバイダーが対応していれば学習させ、または他所で調整したモデルを登録します。</translation>
    </message>
    <message>
        <source>On the technique grid (filled: ticked):</source>
        <translation>手法グリッド上の位置（塗りつぶし：オン）：</translation>
    </message>
    <message>
        <source>Technique grid preview</source>
        <translation>手法グリッドのプレビュー</translation>
    </message>
    <message>
        <source>Variants to run</source>
        <translation>実行するバリアント</translation>
    </message>
    <message>
        <source>Copy of %1</source>
        <translation>%1 のコピー</translation>
    </message>
    <message>
        <source>Copy of the selected variant</source>
        <translation>選択したバリアントのコピー</translation>
    </message>
    <message>
        <source>Another variant is already called %1; choose a different name.</source>
        <translation>%1 という名前のバリアントがすでにあります。別の名前を選んでください。</translation>
    </message>
    <message>
        <source>%1 of %2 ticked: Run runs these.</source>
        <translation>%2 個中 %1 個がオン：「実行」でこれらを実行します。</translation>
    </message>
    <message>
        <source>RAG variants need documents, and this project has none yet: add them under Knowledge, or untick the RAG variants.</source>
        <translation>RAG のバリアントにはドキュメントが必要ですが、このプロジェクトにはまだありません。ナレッジで追加するか、RAG のバリアントをオフにしてください。</translation>
    </message>
    <message>
        <source>Go to &amp;Knowledge</source>
        <translation>ナレッジへ(&amp;K)</translation>
    </message>
    <message>
        <source>Ticked without a fine-tuned model id: %1. Select it and fill in Model.</source>
        <translation>モデル ID のないファインチューニング済みバリアントがオンです：%1。選択して「モデル」に入力してください。</translation>
    </message>
    <message>
        <source>No variant is ticked: tick at least one to run.</source>
        <translation>オンにしたバリアントがありません。実行するには少なくとも 1 つをオンにしてください。</translation>
    </message>
</context>
</TS>
