// Reads {privateKey, keyPairId, cases:[{kind:"url"|"cookies", url?, dateLessThan?, dateGreaterThan?, ipAddress?, policy?, algorithm?}]}
// on stdin and prints the outputs of AWS's own signer as a JSON array (CloudFrontSignerTests compares ours to them).
const { getSignedUrl, getSignedCookies } = require("@aws-sdk/cloudfront-signer");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { privateKey, keyPairId, cases } = JSON.parse(input);
  const results = cases.map((c) => {
    const args = { privateKey, keyPairId, ...c };
    delete args.kind;
    return c.kind === "cookies" ? getSignedCookies(args) : getSignedUrl(args);
  });
  process.stdout.write(JSON.stringify(results));
});
