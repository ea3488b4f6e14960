// `plattform completion bash|zsh|fish`: the script a shell sources to complete plattform's command lines. The
// scripts hold no command names: at each Tab they ask `plattform __complete <words…>` (src/cli/complete.ts),
// which reads the command definitions and, for names, the data file.
import type { Context } from "../core/context.js";
import type { Handler } from "../core/define.js";
import { UsageError } from "../core/errors.js";
import { io } from "../core/io.js";
import type { completion as definition } from "./commands.js";

const BASH = String.raw`# plattform completion for bash. Install: source <(plattform completion bash)   (e.g. in ~/.bashrc)
_plattform() {
  local cur=${"$"}{COMP_WORDS[COMP_CWORD]} line out
  COMPREPLY=()
  out=$(command plattform __complete "${"$"}{COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  if [[ $out == :files* ]]; then
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    return 0
  fi
  while IFS= read -r line; do
    [[ -n $line ]] && COMPREPLY+=("$(printf '%q' "$line")")
  done <<<"$out"
}
complete -F _plattform plattform
`;

const ZSH = String.raw`#compdef plattform
# plattform completion for zsh. Install: source <(plattform completion zsh)   (in ~/.zshrc, after compinit)
_plattform() {
  local -a out
  out=("${"$"}{(@f)$(command plattform __complete "${"$"}{(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ ${"$"}{out[1]} == :files ]]; then
    _files
    return
  fi
  out=(${"$"}{out:#})
  (( ${"$"}{#out} )) && compadd -- "${"$"}{out[@]}"
}
compdef _plattform plattform
`;

const FISH = String.raw`# plattform completion for fish. Install: plattform completion fish > ~/.config/fish/completions/plattform.fish
function __plattform_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l cur (commandline -ct)
    set -l out (command plattform __complete $words "$cur" 2>/dev/null)
    if test "$out[1]" = ":files"
        __fish_complete_path "$cur"
    else
        printf '%s\n' $out
    end
end
complete -c plattform -f -a '(__plattform_complete)'
`;

export const SCRIPTS: Readonly<Record<string, string>> = { bash: BASH, zsh: ZSH, fish: FISH };

export const completion: Handler<typeof definition> = async (_ctx: Context, [shell]) => {
  const script = Object.hasOwn(SCRIPTS, shell) ? SCRIPTS[shell] : undefined;
  if (!script) throw new UsageError("error.completionShell", { shell });
  io().stdout.write(script);
};
