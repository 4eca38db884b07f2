// One journey at a time: in the split topology every journey crosses eight processes that start cold, beside the rest of
// the test run on a small machine; side by side they only slow each other past their deadlines. (Sequential also makes
// the module-outage test, which takes a process away, trivially alone.)
[assembly: CollectionBehavior(DisableTestParallelization = true)]
