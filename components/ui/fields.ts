// The look of a form's labels and text inputs, one spelling for every dialog.

export const inputClass = "mt-1 block w-full rounded-md border border-line-strong px-2.5 py-1.5 text-sm font-normal aria-invalid:border-danger";
export const labelClass = "block text-sm font-medium text-fg";
